using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;
using UpdateBot.StandIns.Telegram;
using UpdateBot.Telegram.Tests.Support;

namespace UpdateBot.Telegram.Tests;

/// <summary>The platform as the delivery engine uses it, against the stand-in: every failure mode maps to an outcome.</summary>
public sealed class TelegramPlatformTests
{
    private const long Private = 1001;
    private static readonly ChatAddress PrivateChat = new("telegram", "1001");

    [Fact]
    public async Task A_message_is_sent_as_html_with_link_previews_off()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);

        var result = await bot.Platform.SendAsync(PrivateChat, Entry("Hello <world> & all"), "k1", CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var sent = Assert.Single(bot.Server.MessagesIn(Private));
        Assert.Equal(sent.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(result.MessageIds));
        Assert.Equal("html", sent.ParseMode?.ToLowerInvariant());
        Assert.True(sent.LinkPreviewDisabled);
        Assert.Contains("Hello <world> & all", sent.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_maps_to_Limited_with_the_servers_retry_after_and_no_hidden_retry()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        bot.Server.FailNext("sendMessage", 429, "", retryAfter: 7);

        var result = await bot.Platform.SendAsync(PrivateChat, Entry("x"), "k", CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Single(bot.Server.Requests, r => r.Method == "sendMessage");
        Assert.Empty(bot.Server.MessagesIn(Private));
    }

    [Fact]
    public async Task Exceeding_the_per_chat_pace_gives_Limited_from_the_enforced_limits()
    {
        await using var bot = await BotHarness.StartAsync(standIn: new TelegramStandInOptions { Limits = TelegramStandInLimits.Telegram with { PerChatBurst = 2 } });
        bot.Server.AddChat(Private);

        var results = new List<SendResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await bot.Platform.SendAsync(PrivateChat, Entry("n" + i), "k" + i, CancellationToken.None));
        }

        Assert.Equal([SendOutcome.Sent, SendOutcome.Sent, SendOutcome.RateLimited], results.Select(r => r.Outcome));
        Assert.Equal(TimeSpan.FromSeconds(1), results[2].RetryAfter);
        Assert.Equal(1, bot.Server.TooManyRequestsCount);
        Assert.Contains(bot.Server.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task A_blocked_chat_maps_to_Forbidden()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        bot.Server.Block(Private);

        var result = await bot.Platform.SendAsync(PrivateChat, Entry("x"), "k", CancellationToken.None);

        Assert.Equal(SendOutcome.Forbidden, result.Outcome);
        Assert.Contains("blocked", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migrated_group_maps_to_Moved_with_the_new_chat()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(-4001, "group");
        bot.Server.Migrate(-4001, -1004001);

        var result = await bot.Platform.SendAsync(new ChatAddress("telegram", "-4001"), Entry("x"), "k", CancellationToken.None);

        Assert.Equal(SendOutcome.Moved, result.Outcome);
        Assert.Equal(new ChatAddress("telegram", "-1004001"), result.MovedTo);
        var retry = await bot.Platform.SendAsync(result.MovedTo!, Entry("x"), "k2", CancellationToken.None);
        Assert.Equal(SendOutcome.Sent, retry.Outcome);
    }

    [Fact]
    public async Task Message_too_long_is_Rejected_and_server_faults_are_Transient()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        bot.Server.FailNext("sendMessage", 400, "Bad Request: message is too long");
        bot.Server.FailNext("sendMessage", 502, "Bad Gateway");

        var tooLong = await bot.Platform.SendAsync(PrivateChat, Entry("x"), "a", CancellationToken.None);
        var fault = await bot.Platform.SendAsync(PrivateChat, Entry("x"), "b", CancellationToken.None);

        Assert.Equal(SendOutcome.Rejected, tooLong.Outcome);
        Assert.Equal(SendOutcome.Transient, fault.Outcome);
    }

    [Fact]
    public async Task An_unreachable_server_is_Transient()
    {
        await using var bot = await BotHarness.StartAsync(
            configure: s => s["UpdateBot:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            start: false);

        var result = await bot.Platform.SendAsync(PrivateChat, Entry("x"), "k", CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
    }

    [Fact]
    public async Task When_telegram_cannot_parse_the_html_the_same_content_goes_as_plain_text()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        bot.Server.FailNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3");
        var message = new OutgoingMessage { Title = "Title", Body = [Paragraph.Of(new TextRun("Read "), new LinkRun("this", "https://example.org/a"))] };

        var result = await bot.Platform.SendAsync(PrivateChat, message, "k", CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var sent = Assert.Single(bot.Server.MessagesIn(Private));
        Assert.Null(sent.ParseMode);
        Assert.Equal("Title\n\nRead this (https://example.org/a)", sent.Text);
    }

    [Fact]
    public async Task A_server_that_does_not_know_the_parse_mode_still_gets_the_content_as_plain_text()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        bot.Server.FailNext("sendMessage", 400, "Bad Request: unsupported parse_mode");

        var result = await bot.Platform.SendAsync(PrivateChat, Entry("x & y"), "k", CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Null(Assert.Single(bot.Server.MessagesIn(Private)).ParseMode);
    }

    [Fact]
    public async Task Over_4096_characters_arrive_as_numbered_parts_each_valid_html()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        var body = Enumerable.Range(1, 40).Select(i => Paragraph.Of($"Paragraph {i}: " + string.Concat(Enumerable.Repeat("Crowds & <police>. ", 15)))).ToList();

        var result = await bot.Platform.SendAsync(PrivateChat, new OutgoingMessage { Title = "Long", Body = body }, "k", CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var parts = bot.Server.MessagesIn(Private);
        Assert.True(parts.Count >= 3);
        Assert.Equal(parts.Select(p => p.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), result.MessageIds);
        Assert.All(parts, p => Assert.Equal("html", p.ParseMode?.ToLowerInvariant()));
        Assert.All(parts, p => Assert.True(p.VisibleText!.Length <= 4096));
        Assert.Equal(parts.Select((_, i) => $"({i + 1}/{parts.Count})"), parts.Select(p => p.VisibleText![..5]));
        Assert.All(Enumerable.Range(1, 40), i => Assert.Single(parts, p => p.VisibleText!.Contains($"Paragraph {i}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_retried_job_does_not_send_parts_already_delivered()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        var body = Enumerable.Range(1, 20).Select(i => Paragraph.Of(new string('a', 400))).ToList();
        var message = new OutgoingMessage { Body = body };
        bot.Server.AddChat(Private);

        // Part 2 is refused once with a 429; the engine retries the same job later.
        var first = await SendWithSecondPartLimited(bot, message);
        var second = await bot.Platform.SendAsync(PrivateChat, message, "job-1", CancellationToken.None);
        var third = await bot.Platform.SendAsync(PrivateChat, message, "job-1", CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited, first.Outcome);
        Assert.Single(first.MessageIds);
        Assert.Equal(SendOutcome.Sent, second.Outcome);
        Assert.Equal(bot.Server.MessagesIn(Private).Count, second.MessageIds.Count);
        Assert.Equal(second.MessageIds, third.MessageIds);
        Assert.Equal(bot.Server.MessagesIn(Private).Select(m => m.VisibleText![..5]).Distinct().Count(), bot.Server.MessagesIn(Private).Count);
    }

    [Fact]
    public async Task A_short_entry_with_an_image_is_a_photo_and_a_refused_photo_falls_back_to_text()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        bot.Server.RefusePhoto("https://example.org/broken.jpg");

        var photo = await bot.Platform.SendAsync(PrivateChat, Entry("Look") with { ImageUrl = "https://example.org/a.jpg" }, "a", CancellationToken.None);
        var fallback = await bot.Platform.SendAsync(PrivateChat, Entry("Look again") with { ImageUrl = "https://example.org/broken.jpg" }, "b", CancellationToken.None);

        Assert.True(photo.Outcome == SendOutcome.Sent, photo.Error + " | " + string.Join(", ", bot.Server.Requests.Select(r => r.Method + "=" + r.Status)) + bot.Logs.All);
        Assert.True(fallback.Outcome == SendOutcome.Sent, fallback.Error + " | " + string.Join(", ", bot.Server.Requests.Select(r => r.Method + "=" + r.Status)));
        var messages = bot.Server.MessagesIn(Private);
        Assert.Equal(["sendPhoto", "sendMessage"], messages.Select(m => m.Method));
        Assert.Equal("https://example.org/a.jpg", messages[0].PhotoUrl);
        Assert.StartsWith("photo:", Assert.Single(photo.MessageIds), StringComparison.Ordinal);
        Assert.Contains("Look again", messages[1].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_replace_text_and_captions_and_deletes_remove_messages()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Server.AddChat(Private);
        var text = await bot.Platform.SendAsync(PrivateChat, Entry("v1"), "a", CancellationToken.None);
        var photo = await bot.Platform.SendAsync(PrivateChat, Entry("p1") with { ImageUrl = "https://example.org/a.jpg" }, "b", CancellationToken.None);

        var editedText = await bot.Platform.EditAsync(PrivateChat, text.MessageIds, Entry("v2 <new>"), CancellationToken.None);
        var editedPhoto = await bot.Platform.EditAsync(PrivateChat, photo.MessageIds, Entry("p2") with { ImageUrl = "https://example.org/a.jpg" }, CancellationToken.None);
        var unchanged = await bot.Platform.EditAsync(PrivateChat, text.MessageIds, Entry("v2 <new>"), CancellationToken.None);
        var deleted = await bot.Platform.DeleteAsync(PrivateChat, text.MessageIds, CancellationToken.None);
        var gone = await bot.Platform.EditAsync(PrivateChat, text.MessageIds, Entry("v3"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, editedText.Outcome);
        Assert.Equal(SendOutcome.Sent, editedPhoto.Outcome);
        Assert.Equal(SendOutcome.Sent, unchanged.Outcome);
        Assert.Equal(SendOutcome.Sent, deleted.Outcome);
        Assert.Equal(SendOutcome.Rejected, gone.Outcome);
        var messages = bot.Server.MessagesIn(Private);
        Assert.Contains("v2 <new>", messages[0].VisibleText, StringComparison.Ordinal);
        Assert.True(messages[0].Deleted);
        Assert.Equal(1, messages[0].EditCount);
        Assert.Contains("p2", messages[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains(bot.Server.Requests, r => r.Method == "editMessageCaption" && r.Status == 200);
    }

    [Fact]
    public async Task The_platform_declares_telegrams_limits()
    {
        await using var bot = await BotHarness.StartAsync(start: false);

        Assert.Equal(new PlatformLimits(30, 1, 20, "-"), bot.Platform.Limits);
        Assert.Equal("telegram", bot.Platform.Name);
    }

    private static async Task<SendResult> SendWithSecondPartLimited(BotHarness bot, OutgoingMessage message)
    {
        // The stand-in's per-chat bucket allows one message, then refuses the next with 429.
        bot.Server.Limits = TelegramStandInLimits.Telegram with { PerChatBurst = 1 };
        var result = await bot.Platform.SendAsync(PrivateChat, message, "job-1", CancellationToken.None);
        bot.Server.Limits = TelegramStandInLimits.Off;
        return result;
    }

    private static OutgoingMessage Entry(string text) => new()
    {
        Title = "Entry",
        TimeLabel = "Tue 28 Jun 10:42",
        Body = [Paragraph.Of(text)],
        Footer = "Live",
        TitleUrl = "https://example.org/live#1",
        Tone = MessageTone.Entry,
    };
}
