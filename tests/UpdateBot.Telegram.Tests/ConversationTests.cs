using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Telegram.Tests.Support;

namespace UpdateBot.Telegram.Tests;

/// <summary>Users talk to the real bot (polling receiver, real CommandDispatcher) through the Telegram stand-in.</summary>
public sealed class ConversationTests
{
    private const long Alice = 501;
    private const long Bob = 502;
    private const long Group = -1009001;

    [Fact]
    public async Task A_user_subscribes_and_receives_every_entry_in_order()
    {
        await using var bot = await BotHarness.StartAsync();

        bot.Server.SendText(Alice, Alice, "/subscribe");
        var reply = Assert.Single(await bot.Server.WaitForMessagesAsync(Alice, 1));
        Assert.Contains("Subscribed", reply.VisibleText, StringComparison.Ordinal);
        var subscription = Assert.Single(bot.Subscriptions.All);
        Assert.Equal(new ChatAddress("telegram", "501"), subscription.Chat);

        // The delivery engine's part: each new entry, in order, to the subscribed chat.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        for (var i = 1; i <= 5; i++)
        {
            var entry = MakeEntry(i);
            var result = await bot.Platform.SendAsync(subscription.Chat, EntryComposer.Compose(entry, zone), "entry-" + i, CancellationToken.None);
            Assert.Equal(SendOutcome.Sent, result.Outcome);
        }

        var messages = bot.Server.MessagesIn(Alice).Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Entry {i} <b>"), messages.Select(m => m.VisibleText!.Split('\n')[0][(m.VisibleText!.IndexOf('—', StringComparison.Ordinal) + 2)..]));
        Assert.All(messages, m => Assert.Contains("Open entry", m.VisibleText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Latest_pages_older_and_newer_with_the_inline_keyboard()
    {
        await using var bot = await BotHarness.StartAsync();
        for (var i = 1; i <= 12; i++)
        {
            bot.Entries.Add(MakeEntry(i));
        }

        bot.Server.SendText(Alice, Alice, "/latest 5");
        var first = Assert.Single(await bot.Server.WaitForMessagesAsync(Alice, 1));
        Assert.StartsWith("Latest 5 entries", first.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Entry 12", first.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["latest:5:5"], first.ButtonData);

        bot.Server.PressButton(Alice, Alice, first.MessageId, "latest:5:5");
        await bot.Server.WaitUntilAsync(() => bot.Server.MessagesIn(Alice)[0].EditCount == 1, what: "the page to be replaced");
        var older = bot.Server.MessagesIn(Alice)[0];
        Assert.StartsWith("Entries 6–10", older.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Entry 7", older.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Entry 12", older.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["latest:0:5", "latest:10:5"], older.ButtonData);
        await bot.Server.WaitUntilAsync(() => bot.Server.CallbackAnswers.Count == 1, what: "the button press to be answered");

        bot.Server.PressButton(Alice, Alice, first.MessageId, "latest:0:5");
        await bot.Server.WaitUntilAsync(() => bot.Server.MessagesIn(Alice)[0].EditCount == 2, what: "the newer page");
        Assert.StartsWith("Latest 5 entries", bot.Server.MessagesIn(Alice)[0].VisibleText, StringComparison.Ordinal);
        await bot.Server.WaitUntilAsync(() => bot.Server.CallbackAnswers.Count == 2, what: "the second answer");
        Assert.Single(bot.Server.MessagesIn(Alice));
    }

    [Fact]
    public async Task A_shared_location_is_answered_with_events_and_a_venue_and_never_logged()
    {
        var events = new FakeEventsCommand();
        await using var bot = await BotHarness.StartAsync(services: s => s.AddSingleton<ICommand>(events));

        bot.Server.ShareLocation(Alice, Alice, 51.123456, -0.654321);
        var messages = await bot.Server.WaitForMessagesAsync(Alice, 2);

        Assert.Equal(1, events.LocationsSeen);
        Assert.Equal(51.123456, events.LastLatitude);
        Assert.Contains("Rally at the Town Hall", messages[0].VisibleText, StringComparison.Ordinal);
        Assert.Equal("sendVenue", messages[1].Method);
        Assert.Equal("Town Hall", messages[1].VenueTitle);
        Assert.DoesNotContain("51.12", bot.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("0.654", bot.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_only_admins_may_subscribe()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Group, "supergroup");
        bot.Server.SetMemberStatus(Group, Alice, "administrator");
        bot.Server.SetMemberStatus(Group, Bob, "member");

        bot.Server.SendText(Group, Bob, "/subscribe@UpdateStandInBot");
        var refusal = Assert.Single(await bot.Server.WaitForMessagesAsync(Group, 1));
        Assert.Contains("Only this chat's admins", refusal.VisibleText, StringComparison.Ordinal);
        Assert.Empty(bot.Subscriptions.All);

        bot.Server.SendText(Group, Alice, "/subscribe");
        var accepted = (await bot.Server.WaitForMessagesAsync(Group, 2))[1];
        Assert.Contains("Subscribed", accepted.VisibleText, StringComparison.Ordinal);
        Assert.Equal(new ChatAddress("telegram", Group.ToString(System.Globalization.CultureInfo.InvariantCulture)), Assert.Single(bot.Subscriptions.All).Chat);
        Assert.Contains(bot.Server.Requests, r => r.Method == "getChatMember");
    }

    [Fact]
    public async Task Commands_for_other_bots_are_ignored_and_ours_are_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Group, "supergroup");

        bot.Server.SendText(Group, Bob, "/latest@SomeOtherBot");
        bot.Server.SendText(Group, Bob, "just chatting, not a command");
        bot.Server.SendText(Group, Bob, "/help@updatestandinbot");

        var reply = Assert.Single(await bot.Server.WaitForMessagesAsync(Group, 1));
        Assert.StartsWith("UpdateBot commands", reply.VisibleText, StringComparison.Ordinal);
        await bot.Server.WaitUntilAsync(() => bot.Server.UnconfirmedUpdates == 0, what: "all updates confirmed");
        Assert.Single(bot.Server.MessagesIn(Group));
    }

    [Fact]
    public async Task Channel_posts_with_commands_are_answered_in_the_channel()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Entries.Add(MakeEntry(1));

        bot.Server.PostInChannel(-1007001, "/latest");

        var reply = Assert.Single(await bot.Server.WaitForMessagesAsync(-1007001, 1));
        Assert.Contains("Entry 1", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_input_gets_a_clear_reply_and_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync();

        bot.Server.SendText(Alice, Alice, "/subscribe " + new string('x', 5000));
        bot.Server.SendText(Alice, Alice, "/subscribe <b>unclosed&amp;<i>");
        bot.Server.SendText(Alice, Alice, "/latest 99999999999999999999999");
        bot.Server.SendText(Alice, Alice, "/latest -5");
        bot.Server.SendText(Alice, Alice, "/nonsense");

        var replies = await bot.Server.WaitForMessagesAsync(Alice, 5);

        Assert.Contains("too long", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("I don't follow a live blog called '<b>unclosed&amp;<i>'", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("Count must be", replies[2].VisibleText, StringComparison.Ordinal);
        Assert.Contains("between 1 and 20", replies[3].VisibleText, StringComparison.Ordinal);
        Assert.Contains("Unknown command /nonsense", replies[4].VisibleText, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Equal("html", r.ParseMode?.ToLowerInvariant()));
        Assert.Empty(bot.Subscriptions.All);
    }

    [Fact]
    public async Task An_update_is_confirmed_only_after_it_was_handled()
    {
        var gated = new GatedCommand();
        await using var bot = await BotHarness.StartAsync(services: s => s.AddSingleton<ICommand>(gated));

        bot.Server.SendText(Alice, Alice, "/slow");
        await gated.Started.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, bot.Server.UnconfirmedUpdates);
        gated.Open();
        await bot.Server.WaitForMessagesAsync(Alice, 1);
        await bot.Server.WaitUntilAsync(() => bot.Server.UnconfirmedUpdates == 0, what: "the update to be confirmed");
    }

    [Fact]
    public async Task A_failing_getUpdates_backs_off_and_the_bot_recovers()
    {
        await using var bot = await BotHarness.StartAsync(start: false);
        bot.Server.FailNext("getUpdates", 500, "Internal Server Error");
        bot.Server.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        await bot.Host.StartAsync();

        bot.Server.SendText(Alice, Alice, "/start");

        var reply = Assert.Single(await bot.Server.WaitForMessagesAsync(Alice, 1, TimeSpan.FromSeconds(20)));
        Assert.StartsWith("Hello!", reply.VisibleText, StringComparison.Ordinal);
        var polls = bot.Server.Requests.Where(r => r.Method == "getUpdates").Select(r => r.Status).ToList();
        Assert.Equal([500, 409, 200], polls.Take(3));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("getUpdates failed; polling again in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_migration_message_moves_the_subscription_and_a_block_pauses_it()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(-5001, "group");
        bot.Server.SetMemberStatus(-5001, Alice, "creator");
        bot.Server.SendText(-5001, Alice, "/subscribe");
        await bot.Server.WaitForMessagesAsync(-5001, 1);

        bot.Server.Migrate(-5001, -1005001);
        await bot.Server.WaitUntilAsync(() => bot.Subscriptions.All.Single().Chat.ChatId == "-1005001", what: "the subscription to move");

        bot.Server.SendText(Bob, Bob, "/subscribe");
        await bot.Server.WaitForMessagesAsync(Bob, 1);
        bot.Server.Block(Bob);
        await bot.Server.WaitUntilAsync(() => bot.Subscriptions.All.Single(s => s.Chat.ChatId == "502").Paused, what: "the subscription to pause");
    }

    private static Entry MakeEntry(int i) => new()
    {
        SourceName = "Live",
        Id = "e" + i,
        Published = new DateTimeOffset(2026, 6, 28, 9, i, 0, TimeSpan.Zero),
        Title = $"Entry {i} <b>",
        Text = $"Body of entry {i} & more.\n\nSecond paragraph {i}.",
        Url = "https://example.org/live#e" + i,
    };
}
