using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;
using UpdateBot.StandIns.Discord;

namespace UpdateBot.Discord.Tests;

/// <summary>DiscordPlatform and the REST client against the stand-in: sends, edits, deletes and every answer Discord may give.</summary>
public sealed class PlatformTests
{
    private const string Other = "800000000000000002";
    private static readonly ChatAddress Chat = new("discord", BotHarness.Channel);

    private static OutgoingMessage Entry(string title, string text = "Something happened") => new()
    {
        Title = title,
        TitleUrl = "https://example.org/live#" + title,
        Timestamp = new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.Zero),
        TimeLabel = "Sun 28 Jun 10:00",
        Body = [Paragraph.Of(text)],
        Footer = "Example live",
        Tone = MessageTone.Entry,
    };

    [Fact]
    public async Task Send_PostsEntriesInOrderAsEmbeds()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);

        var ids = new List<string>();
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            var result = await bot.Platform.SendAsync(Chat, Entry(title), "job-" + title, CancellationToken.None);
            Assert.Equal(SendOutcome.Sent, result.Outcome);
            ids.Add(Assert.Single(result.MessageIds));
        }

        var messages = bot.StandIn.Messages(BotHarness.Channel);
        Assert.Equal(["First", "Second", "Third"], messages.Select(m => m.Embeds[0]!["title"]!.GetValue<string>()));
        Assert.Equal(ids, messages.Select(m => m.Id));
        Assert.All(messages, m => Assert.Equal("{\"parse\":[]}", m.AllowedMentions!.ToJsonString()));
        Assert.All(messages, m => Assert.Equal(25, m.Nonce!.Length));
    }

    [Fact]
    public async Task Send_RepeatedWithTheSameKey_IsDeduplicatedByNonce()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);

        var first = await bot.Platform.SendAsync(Chat, Entry("Once"), "delivery-42", CancellationToken.None);
        var again = await bot.Platform.SendAsync(Chat, Entry("Once"), "delivery-42", CancellationToken.None);

        Assert.Equal(first.MessageIds, again.MessageIds);
        Assert.Single(bot.StandIn.Messages(BotHarness.Channel));
        Assert.Equal(2, bot.StandIn.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Send_TextThatTriesToPing_CannotPingAnyone()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);

        await bot.Platform.SendAsync(Chat, Entry("@everyone look", "@here <@123456789012345678> <@&42> [x](https://evil)"), "k", CancellationToken.None);
        await bot.Platform.SendAsync(Chat, OutgoingMessage.Text("@everyone plain"), "k2", CancellationToken.None);

        Assert.All(bot.StandIn.MessageBodies, b => Assert.Equal("{\"parse\":[]}", b["allowed_mentions"]!.ToJsonString()));
        foreach (var message in bot.StandIn.Messages(BotHarness.Channel))
        {
            Assert.DoesNotContain("@everyone", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("@here", message.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?<!\\)<@", message.Text);
        }
    }

    [Fact]
    public async Task Send_LongEntry_IsSplitIntoMessagesDiscordAccepts()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"Paragraph {i} " + string.Join(' ', Enumerable.Repeat("*word*", 70))));

        // More parts than the channel's bucket allows at once: the client waits for the bucket to reset.
        var sending = bot.Platform.SendAsync(Chat, Entry("Long", text), "long", CancellationToken.None);
        Assert.True(await bot.UntilAsync(() => sending.IsCompleted, step: TimeSpan.FromSeconds(1)));
        var result = await sending;

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.True(result.MessageIds.Count > 5);
        Assert.Equal(result.MessageIds, bot.StandIn.Messages(BotHarness.Channel).Select(m => m.Id));
        Assert.All(bot.StandIn.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task RateLimited_PausesTheBucketForExactlyRetryAfter()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", $"channels/{BotHarness.Channel}/messages", StandInFaultKind.RateLimited) { RetryAfterSeconds = 1.5 });

        var limited = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);
        Assert.Equal(SendOutcome.RateLimited, limited.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1.5), limited.RetryAfter);

        var waiting = bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);
        var otherChannel = await bot.Platform.SendAsync(new ChatAddress("discord", Other), Entry("B"), "b", CancellationToken.None);
        Assert.Equal(SendOutcome.Sent, otherChannel.Outcome);

        bot.Time.Advance(TimeSpan.FromMilliseconds(1499));
        await Task.Delay(150);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, bot.StandIn.Requests.Count(r => r.Path.Contains(BotHarness.Channel, StringComparison.Ordinal)));

        bot.Time.Advance(TimeSpan.FromMilliseconds(1));
        var sent = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SendOutcome.Sent, sent.Outcome);
        Assert.Equal(2, bot.StandIn.Requests.Count(r => r.Path.Contains(BotHarness.Channel, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RateLimited_LongerThanMaxSendWait_ReportsLimitedWithoutAsking()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", "messages", StandInFaultKind.RateLimited) { RetryAfterSeconds = 64.57 });

        var first = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromSeconds(4.57));
        var second = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(64.57), first.RetryAfter);
        Assert.Equal(SendOutcome.RateLimited, second.Outcome);
        Assert.InRange(second.RetryAfter!.Value.TotalSeconds, 59.999, 60.0);
        Assert.Single(bot.StandIn.Requests);
    }

    [Fact]
    public async Task GlobalRateLimit_PausesEveryRoute()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", "messages", StandInFaultKind.GlobalRateLimited) { RetryAfterSeconds = 2.25 });

        var limited = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(2.25), limited.RetryAfter);

        var other = bot.Platform.SendAsync(new ChatAddress("discord", Other), Entry("B"), "b", CancellationToken.None);
        await Task.Delay(150);
        Assert.False(other.IsCompleted);

        bot.Time.Advance(TimeSpan.FromSeconds(2.25));
        Assert.Equal(SendOutcome.Sent, (await other.WaitAsync(TimeSpan.FromSeconds(10))).Outcome);
    }

    [Fact]
    public async Task SharedRateLimit_WaitsButDoesNotCountAsInvalid()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", "messages", StandInFaultKind.SharedRateLimited) { RetryAfterSeconds = 0.347 });

        var limited = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited, limited.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(0.347), limited.RetryAfter);
        Assert.Equal(0, bot.Services.GetRequiredService<Rest.DiscordRestClient>().InvalidRequestCount);
    }

    [Fact]
    public async Task CloudflareHtml429_PausesEverythingForItsRetryAfter()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", "messages", StandInFaultKind.CloudflareHtml429) { RetryAfterSeconds = 3 });

        var limited = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);
        Assert.Equal(SendOutcome.RateLimited, limited.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.RetryAfter);

        var edit = bot.Platform.EditAsync(new ChatAddress("discord", Other), ["1"], Entry("B"), CancellationToken.None);
        await Task.Delay(150);
        Assert.False(edit.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(3));
        await edit.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bot.StandIn.Requests.Count);
    }

    [Fact]
    public async Task ServerErrorPage_OnSend_IsTransientAndNotRetriedByTheClient()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", "messages", StandInFaultKind.BadGatewayHtml));

        var result = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains("502", result.Error, StringComparison.Ordinal);
        Assert.Single(bot.StandIn.Requests);
    }

    [Fact]
    public async Task ServerErrors_OnEdit_AreRetriedWithBackoff()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        var sent = await bot.Platform.SendAsync(Chat, Entry("Before"), "a", CancellationToken.None);
        bot.StandIn.AddFault(new StandInFault("PATCH", "messages", StandInFaultKind.BadGatewayHtml) { Times = 1 });
        bot.StandIn.AddFault(new StandInFault("PATCH", "messages", StandInFaultKind.ServerError) { Times = 1 });

        var edit = bot.Platform.EditAsync(Chat, sent.MessageIds, Entry("After"), CancellationToken.None);
        Assert.True(await bot.UntilAsync(() => edit.IsCompleted, step: TimeSpan.FromMilliseconds(250)));

        Assert.Equal(SendOutcome.Sent, (await edit).Outcome);
        Assert.Equal(3, bot.StandIn.Requests.Count(r => r.Method == "PATCH"));
        var message = Assert.Single(bot.StandIn.Messages(BotHarness.Channel));
        Assert.Equal("After", message.Embeds[0]!["title"]!.GetValue<string>());
        Assert.Equal("{\"parse\":[]}", message.AllowedMentions!.ToJsonString());
    }

    [Theory]
    [InlineData(StandInFaultKind.MissingPermissions)]
    [InlineData(StandInFaultKind.MissingAccess)]
    [InlineData(StandInFaultKind.UnknownChannel)]
    public async Task Refusals_AreForbidden(StandInFaultKind kind)
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.AddFault(new StandInFault("POST", "messages", kind));

        var result = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);

        Assert.Equal(SendOutcome.Forbidden, result.Outcome);
    }

    [Fact]
    public async Task AChannelThatKeepsRefusing_IsNoLongerAsked()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        bot.StandIn.ForbidChannel(BotHarness.Channel);

        for (var i = 0; i < 6; i++)
        {
            var result = await bot.Platform.SendAsync(Chat, Entry("A"), "a" + i, CancellationToken.None);
            Assert.Equal(SendOutcome.Forbidden, result.Outcome);
        }

        Assert.Equal(3, bot.StandIn.Requests.Count);
        Assert.Equal(SendOutcome.Sent, (await bot.Platform.SendAsync(new ChatAddress("discord", Other), Entry("B"), "b", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task InvalidRequestBudget_StopsRequestsBeforeABan()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false, settings: new Dictionary<string, string?> { ["UpdateBot:Discord:InvalidRequestBudget"] = "10" });
        for (var i = 0; i < 10; i++)
        {
            bot.StandIn.ForbidChannel((900_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await bot.Platform.SendAsync(new ChatAddress("discord", (900_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), Entry("A"), "a", CancellationToken.None);
        }

        var refused = await bot.Platform.SendAsync(Chat, Entry("A"), "b", CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited, refused.Outcome);
        Assert.Equal(10, bot.StandIn.Requests.Count);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(SendOutcome.Sent, (await bot.Platform.SendAsync(Chat, Entry("A"), "c", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task EditAndDelete_ChangeAndRemoveThePostedMessages()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        var sent = await bot.Platform.SendAsync(Chat, Entry("Old"), "a", CancellationToken.None);

        var edited = await bot.Platform.EditAsync(Chat, sent.MessageIds, Entry("New"), CancellationToken.None);
        Assert.Equal(sent.MessageIds, edited.MessageIds);
        var message = Assert.Single(bot.StandIn.Messages(BotHarness.Channel));
        Assert.Equal("New", message.Embeds[0]!["title"]!.GetValue<string>());
        Assert.Equal(1, message.Edits);

        Assert.Equal(SendOutcome.Sent, (await bot.Platform.DeleteAsync(Chat, sent.MessageIds, CancellationToken.None)).Outcome);
        Assert.True(Assert.Single(bot.StandIn.Messages(BotHarness.Channel)).Deleted);

        // Deleting what is already gone is done, not an error.
        Assert.Equal(SendOutcome.Sent, (await bot.Platform.DeleteAsync(Chat, sent.MessageIds, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task EditingAMessageThatIsGone_IsRejected()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);

        var result = await bot.Platform.EditAsync(Chat, ["123"], Entry("New"), CancellationToken.None);

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task EditThatGrows_PostsTheExtraPartAndOneThatShrinks_DeletesIt()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);
        var sent = await bot.Platform.SendAsync(Chat, Entry("E", "short"), "a", CancellationToken.None);
        var longText = string.Join("\n\n", Enumerable.Repeat(new string('x', 800), 8));

        var grown = await bot.Platform.EditAsync(Chat, sent.MessageIds, Entry("E", longText), CancellationToken.None);
        Assert.Equal(2, grown.MessageIds.Count);
        Assert.Equal(sent.MessageIds[0], grown.MessageIds[0]);

        var shrunk = await bot.Platform.EditAsync(Chat, grown.MessageIds, Entry("E", "short again"), CancellationToken.None);
        Assert.Equal(SendOutcome.Sent, shrunk.Outcome);
        Assert.Equal([false, true], bot.StandIn.Messages(BotHarness.Channel).Select(m => m.Deleted));
    }

    [Fact]
    public async Task WrongToken_StopsTheClientAndNeverLogsTheToken()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false, settings: new Dictionary<string, string?> { ["UpdateBot:Discord:Token"] = "wrong-secret-token" });

        var first = await bot.Platform.SendAsync(Chat, Entry("A"), "a", CancellationToken.None);
        var second = await bot.Platform.SendAsync(Chat, Entry("A"), "b", CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, first.Outcome);
        Assert.Equal(SendOutcome.Transient, second.Outcome);
        Assert.Single(bot.StandIn.Requests);
        Assert.Contains("401", bot.Status.FatalError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-token", bot.Status.FatalError!, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("wrong-secret-token", StringComparison.Ordinal));
        Assert.DoesNotContain("wrong-secret-token", first.Error!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAChannelId_IsRejectedWithoutARequest()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false);

        var result = await bot.Platform.SendAsync(new ChatAddress("discord", "../../users/@me"), Entry("A"), "a", CancellationToken.None);

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.Empty(bot.StandIn.Requests);
    }
}
