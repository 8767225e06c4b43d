using System.Text.Json.Nodes;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;
using UpdateBot.StandIns.Discord;

namespace UpdateBot.Discord.Tests;

/// <summary>Slash commands, buttons and autocomplete end to end: stand-in gateway → real core dispatcher → HTTP callbacks.</summary>
public sealed class InteractionTests
{
    private static readonly StandInUser Member = new("600000000000000001", "member");
    private static readonly StandInUser Admin = StandInUser.Admin("600000000000000002");

    private static async Task<StandInCallback> AnsweredAsync(BotHarness bot, string interactionId)
    {
        Assert.True(await bot.UntilAsync(() => bot.StandIn.Callbacks.Any(c => c.InteractionId == interactionId)));
        return bot.StandIn.Callbacks.First(c => c.InteractionId == interactionId);
    }

    /// <summary>
    /// Waits until the slow command runs, so the bot's deferral timer is set on the fake clock before a test moves it
    /// (a fixed real-time pause was too short on a loaded machine, and the timer then never fired).
    /// </summary>
    private static async Task SlowStartedAsync(BotHarness bot)
    {
        await bot.Slow.Started.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(100); // the responder sets its timer right after handing the command over
    }

    [Fact]
    public async Task Subscribe_ByAChannelAdmin_SubscribesTheChannel()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        var id = await bot.StandIn.InjectCommandAsync(Admin, BotHarness.Channel, "subscribe");

        var callback = await AnsweredAsync(bot, id);
        Assert.Equal(4, callback.Type);
        Assert.Equal(204, callback.Status);
        Assert.Contains("Subscribed", callback.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(callback.Data["flags"]);
        var subscription = Assert.Single(bot.Subscriptions.All);
        Assert.Equal(new ChatAddress("discord", BotHarness.Channel), subscription.Chat);
    }

    [Fact]
    public async Task Subscribe_ByAnOrdinaryMember_IsRefusedPrivately()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        var id = await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "subscribe");

        var callback = await AnsweredAsync(bot, id);
        Assert.Equal(64, callback.Data!["flags"]!.GetValue<int>());
        Assert.Contains("admins", callback.Data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Subscriptions.All);
    }

    [Fact]
    public async Task Errors_AreAnsweredPrivately()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        var id = await bot.StandIn.InjectCommandAsync(Admin, BotHarness.Channel, "subscribe", ("source", "no-such-blog"));

        var callback = await AnsweredAsync(bot, id);
        Assert.Equal(64, callback.Data!["flags"]!.GetValue<int>());
        Assert.Contains("no-such-blog", callback.Data["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribedChannel_ReceivesEveryEntryInOrderAsEmbeds()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());
        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(Admin, BotHarness.Channel, "subscribe"));
        var subscription = Assert.Single(bot.Subscriptions.All);

        // What the delivery engine does for each new entry: compose, then send with a stable key.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        for (var i = 1; i <= 4; i++)
        {
            var entry = new Entry
            {
                SourceName = "example",
                Id = "e" + i,
                Published = new DateTimeOffset(2026, 6, 28, 9, i, 0, TimeSpan.Zero),
                Title = $"Update {i}",
                Text = $"Entry number {i} with *stars* and @everyone",
                Url = "https://example.org/live#e" + i,
            };
            var message = Core.Messages.EntryComposer.Compose(entry, zone);
            var result = await bot.Platform.SendAsync(subscription.Chat, message, $"example:e{i}:{subscription.Chat}", CancellationToken.None);
            Assert.Equal(SendOutcome.Sent, result.Outcome);
        }

        var posted = bot.StandIn.Messages(BotHarness.Channel).Where(m => m.Origin == "rest").ToList();
        Assert.Equal(["Update 1", "Update 2", "Update 3", "Update 4"], posted.Select(m => m.Embeds[0]!["title"]!.GetValue<string>()));
        Assert.All(posted, m => Assert.Contains("\\*stars\\*", m.Embeds[0]!["description"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(posted, m => Assert.DoesNotContain("@everyone", m.Text, StringComparison.Ordinal));
        Assert.Equal("example · Sun 28 Jun 10:04", posted[3].Embeds[0]!["footer"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Latest_ShowsEntriesAndItsOlderButtonUpdatesTheMessage()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());
        for (var i = 1; i <= 8; i++)
        {
            bot.Entries.Add(new Entry { SourceName = "example", Id = "e" + i, Published = new DateTimeOffset(2026, 6, 28, 8, i, 0, TimeSpan.Zero), Text = $"Entry {i}" });
        }

        var id = await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "latest", ("count", 3));
        var callback = await AnsweredAsync(bot, id);

        Assert.Equal(4, callback.Type);
        var embed = callback.Data!["embeds"]![0]!;
        Assert.Equal("Latest 3 entries", embed["title"]!.GetValue<string>());
        var description = embed["description"]!.GetValue<string>();
        Assert.True(description.IndexOf("Entry 8", StringComparison.Ordinal) < description.IndexOf("Entry 6", StringComparison.Ordinal));
        Assert.DoesNotContain("Entry 5", description, StringComparison.Ordinal);
        var button = callback.Data["components"]![0]!["components"]![0]!;
        Assert.Equal("latest:3:3", button["custom_id"]!.GetValue<string>());

        var original = bot.StandIn.Interaction(id)!.OriginalMessageId!;
        var press = await bot.StandIn.InjectButtonAsync(Member, BotHarness.Channel, original, "latest:3:3");
        var update = await AnsweredAsync(bot, press);

        Assert.Equal(7, update.Type);
        var message = bot.StandIn.Messages(BotHarness.Channel).Single(m => m.Id == original);
        Assert.Equal("Entries 4–6", message.Embeds[0]!["title"]!.GetValue<string>());
        Assert.Equal(1, message.Edits);
    }

    [Fact]
    public async Task Events_AutocompleteSuggestsPlaces_AndTheCommandUsesTheNamedOptions()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        var suggest = await bot.StandIn.InjectAutocompleteAsync(Member, BotHarness.Channel, "events", "place", "Le");
        var choices = await AnsweredAsync(bot, suggest);
        Assert.Equal(8, choices.Type);
        Assert.Equal(["Leeds", "Leicester"], choices.Data!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));

        var risky = await bot.StandIn.InjectAutocompleteAsync(Member, BotHarness.Channel, "events", "place", "@");
        var riskyChoice = (await AnsweredAsync(bot, risky)).Data!["choices"]![0]!;
        Assert.DoesNotContain("@everyone", riskyChoice["name"]!.GetValue<string>(), StringComparison.Ordinal);

        var run = await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "events", ("place", "Leeds"), ("radius", 10.5));
        var answer = await AnsweredAsync(bot, run);
        Assert.Equal("Events near Leeds within 10.5 km", answer.Data!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModeratorCommands_AreRefusedToOthers_EvenServerAdmins()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        var member = await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "breaking", ("text", "Bridge closed")));
        var admin = await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(Admin, BotHarness.Channel, "breaking", ("text", "Bridge closed")));

        Assert.Equal(64, member.Data!["flags"]!.GetValue<int>());
        Assert.Equal(64, admin.Data!["flags"]!.GetValue<int>());
        Assert.Contains("Only moderators", member.Data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Breaking.Posted);
    }

    [Fact]
    public async Task ModeratorCommands_WorkForConfiguredModeratorsAndRoles()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(new StandInUser(BotHarness.ModeratorId), BotHarness.Channel, "breaking", ("text", "By id")));
        var withRole = new StandInUser("600000000000000009") { Roles = [BotHarness.ModeratorRoleId] };
        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(withRole, BotHarness.Channel, "breaking", ("text", "By role")));

        Assert.Equal(["By id", "By role"], bot.Breaking.Posted);
    }

    [Fact]
    public async Task ModeratorPermission_CountsOnlyWhenTrusted()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["UpdateBot:Discord:TrustModeratorPermission"] = "true" });
        Assert.True(await bot.UntilReadyAsync());

        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(new StandInUser("600000000000000010", "mgr", "32"), BotHarness.Channel, "breaking", ("text", "Manager")));
        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(new StandInUser("600000000000000011", "x", "16"), BotHarness.Channel, "breaking", ("text", "Channel manager")));

        Assert.Equal(["Manager"], bot.Breaking.Posted);
    }

    [Fact]
    public async Task SlowCommands_AreDeferredWithinTheDeadlineAndThenEditOriginal()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        var id = await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "slow");
        await SlowStartedAsync(bot);
        Assert.Empty(bot.StandIn.Callbacks);

        bot.Time.Advance(TimeSpan.FromSeconds(2));
        var deferral = await AnsweredAsync(bot, id);
        Assert.Equal(5, deferral.Type);
        Assert.Equal(204, deferral.Status);

        // Well past the 3 s deadline for a first answer; the token stays valid for edits.
        bot.Time.Advance(TimeSpan.FromSeconds(30));
        bot.Slow.Release();
        var original = bot.StandIn.Interaction(id)!.OriginalMessageId!;
        Assert.True(await bot.UntilAsync(() => bot.StandIn.Messages(BotHarness.Channel).Single(m => m.Id == original).Edits == 1));
        var message = bot.StandIn.Messages(BotHarness.Channel).Single(m => m.Id == original);
        Assert.StartsWith("Slow but sure @\u200Deveryone", message.Content, StringComparison.Ordinal);
        Assert.Equal("{\"parse\":[]}", message.AllowedMentions!.ToJsonString());
    }

    [Fact]
    public async Task SlowPrivateAnswers_ReplaceTheDeferralWithAnEphemeralFollowUp()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());
        bot.Slow.Private = true;

        var id = await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "slow");
        await SlowStartedAsync(bot);
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(5, (await AnsweredAsync(bot, id)).Type);
        bot.Slow.Release();

        Assert.True(await bot.UntilAsync(() => bot.StandIn.Messages(BotHarness.Channel).Any(m => m.Origin == "followup")));
        var messages = bot.StandIn.Messages(BotHarness.Channel);
        Assert.True(messages.Single(m => m.Origin == "deferred").Deleted);
        Assert.True(messages.Single(m => m.Origin == "followup").Ephemeral);
    }

    [Fact]
    public async Task EveryInteractionAnswer_ForbidsMentions()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());
        bot.Entries.Add(new Entry { SourceName = "example", Id = "x", Published = new DateTimeOffset(2026, 6, 28, 8, 0, 0, TimeSpan.Zero), Text = "@everyone <@&1> @here" });

        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "latest"));
        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "help"));
        await AnsweredAsync(bot, await bot.StandIn.InjectCommandAsync(Member, BotHarness.Channel, "subscribe"));

        var bodies = bot.StandIn.MessageBodies;
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => Assert.Equal("{\"parse\":[]}", b["allowed_mentions"]!.ToJsonString()));
        Assert.All(bot.StandIn.Messages(BotHarness.Channel), m => Assert.DoesNotContain("@everyone", m.Text, StringComparison.Ordinal));
        Assert.IsType<JsonObject>(bodies[0]);
    }
}
