using UpdateBot.Core.Messages;

namespace UpdateBot.Core.Tests;

public sealed class CommandDispatcherTests
{
    [Fact]
    public async Task LatestShowsTheNewestEntriesNewestFirst()
    {
        using var bot = new Bot();
        bot.AddEntries(10);

        var response = await bot.Commands.HandleAsync(Bot.Private("/latest 3"), CancellationToken.None);

        var message = Assert.Single(response.Messages);
        Assert.Equal("Latest 3 entries", message.Title);
        Assert.Equal(3, message.Body.Count);
        Assert.Contains("Entry number 9", message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.Contains("Entry number 7", message.Body[2].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestPagesOlderAndNewerWithButtons()
    {
        using var bot = new Bot();
        bot.AddEntries(7);

        var first = await bot.Commands.HandleAsync(Bot.Private("/latest 3"), CancellationToken.None);
        var older = Assert.Single(first.Messages[0].Buttons.SelectMany(r => r));
        var second = await bot.Commands.HandleAsync(Bot.Private("") with { CallbackData = older.Data }, CancellationToken.None);

        Assert.Equal("Older »", older.Label);
        Assert.True(second.ReplaceOriginal);
        Assert.Contains("Entry number 3", second.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Equal(["« Newer", "Older »"], second.Messages[0].Buttons.SelectMany(r => r).Select(b => b.Label));
    }

    [Fact]
    public async Task TamperedPagingDataIsNotTrusted()
    {
        using var bot = new Bot();
        bot.AddEntries(3);

        var response = await bot.Commands.HandleAsync(Bot.Private("") with { CallbackData = "latest:-5:99999" }, CancellationToken.None);

        Assert.Empty(response.Messages);
        Assert.Equal("That button has expired.", response.Notice);
    }

    [Fact]
    public async Task LatestWithNoEntriesSaysSo()
    {
        using var bot = new Bot();

        var response = await bot.Commands.HandleAsync(Bot.Private("/latest"), CancellationToken.None);

        Assert.StartsWith("No entries yet", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsAddressedToThisBotByNameAreAnswered()
    {
        using var bot = new Bot();
        bot.AddEntries(2);

        var response = await bot.Commands.HandleAsync(Bot.Private("/latest@UpdateBot 1"), CancellationToken.None);

        Assert.Equal("Latest 1 entry", response.Messages[0].Title);
    }

    [Fact]
    public async Task UnknownCommandGetsShortHelp()
    {
        using var bot = new Bot();

        var response = await bot.Commands.HandleAsync(Bot.Private("/frobnicate now"), CancellationToken.None);

        var text = response.Messages[0].Body[0].PlainText;
        Assert.StartsWith("Unknown command /frobnicate.", text, StringComparison.Ordinal);
        Assert.Contains("/latest", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupMembersWhoAreNotAdminsCannotChangeSubscriptions()
    {
        using var bot = new Bot();

        var refused = await bot.Commands.HandleAsync(Bot.InGroup("/subscribe", admin: false), CancellationToken.None);
        var accepted = await bot.Commands.HandleAsync(Bot.InGroup("/subscribe", admin: true), CancellationToken.None);

        Assert.Equal(MessageTone.Error, refused.Messages[0].Tone);
        Assert.Contains("Only this chat's admins", refused.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Single(bot.Subscriptions.Subscriptions);
        Assert.StartsWith("Subscribed", accepted.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeToAnUnknownSourceNamesTheKnownOnes()
    {
        using var bot = new Bot();

        var response = await bot.Commands.HandleAsync(Bot.Private("/subscribe bristol"), CancellationToken.None);

        Assert.Contains("I follow: leeds", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Subscriptions.Subscriptions);
    }

    [Fact]
    public async Task SubscribeWithKeywordsStoresAStructuredFilter()
    {
        using var bot = new Bot();

        await bot.Commands.HandleAsync(Bot.Private("/subscribe leeds --keywords strike,picket"), CancellationToken.None);
        var listing = await bot.Commands.HandleAsync(Bot.Private("/subscriptions"), CancellationToken.None);

        var subscription = Assert.Single(bot.Subscriptions.Subscriptions);
        Assert.Equal(["strike", "picket"], subscription.Filter.Keywords);
        Assert.Contains("keywords strike, picket", listing.Messages[0].Body[1].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribeRemovesTheChatsSubscription()
    {
        using var bot = new Bot();
        await bot.Commands.HandleAsync(Bot.Private("/subscribe"), CancellationToken.None);

        var response = await bot.Commands.HandleAsync(Bot.Private("/unsubscribe"), CancellationToken.None);

        Assert.Empty(bot.Subscriptions.Subscriptions);
        Assert.StartsWith("Unsubscribed", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeInputIsRefusedAndChangesNothing()
    {
        using var bot = new Bot();

        var response = await bot.Commands.HandleAsync(Bot.Private("/subscribe " + new string('a', 5000)), CancellationToken.None);

        Assert.Contains("too long", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Subscriptions.Subscriptions);
    }

    [Fact]
    public async Task PlainTextInAGroupIsIgnoredButAPrivateChatGetsAHint()
    {
        using var bot = new Bot();

        var group = await bot.Commands.HandleAsync(Bot.InGroup("hello all", admin: false), CancellationToken.None);
        var direct = await bot.Commands.HandleAsync(Bot.Private("hello"), CancellationToken.None);

        Assert.Empty(group.Messages);
        Assert.Contains("/help", direct.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpIsGeneratedFromTheCommandDefinitionsAndHidesModeratorCommandsFromOthers()
    {
        using var bot = new Bot();

        var forUser = await bot.Commands.HandleAsync(Bot.Private("/help"), CancellationToken.None);
        var forModerator = await bot.Commands.HandleAsync(Bot.Private("/help", userId: "42"), CancellationToken.None);

        var userLines = forUser.Messages[0].Body.Select(p => p.PlainText).ToList();
        var moderatorLines = forModerator.Messages[0].Body.Select(p => p.PlainText).ToList();
        foreach (var definition in bot.Commands.Definitions)
        {
            var moderatorOnly = definition.Audience == Commands.CommandAudience.Moderators;
            Assert.Equal(!moderatorOnly, userLines.Any(line => line.StartsWith(definition.Usage, StringComparison.Ordinal)));
            Assert.Contains(moderatorLines, line => line.StartsWith(definition.Usage, StringComparison.Ordinal));
        }
    }
}
