using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Tests;

public sealed class ModerationTests
{
    private const string Moderator = "42";

    [Theory]
    [InlineData("/post Demo at 6pm --now")]
    [InlineData("/post Demo at 6pm")]
    [InlineData("/edit e1 New text")]
    [InlineData("/retract e1")]
    [InlineData("/audit")]
    public async Task OthersAreRefusedAndNothingIsPostedOrChanged(string command)
    {
        using var bot = new Bot();
        bot.AddEntries(2);

        var response = await bot.Commands.HandleAsync(Bot.Private(command, userId: "7"), CancellationToken.None);

        Assert.Equal(MessageTone.Error, response.Messages[0].Tone);
        Assert.StartsWith("Only moderators can use", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Timeline.Batches);
        Assert.Empty(bot.Audit.Records);
    }

    [Fact]
    public async Task EveryModeratorCommandIsRefusedToOthersOnBothPlatforms()
    {
        using var bot = new Bot();
        bot.AddEntries(1);
        var moderatorCommands = bot.Commands.Definitions.Where(d => d.Audience == Commands.CommandAudience.Moderators).ToList();
        Assert.NotEmpty(moderatorCommands);

        foreach (var platform in new[] { "telegram", "discord" })
        {
            foreach (var definition in moderatorCommands)
            {
                bot.Time.Advance(TimeSpan.FromSeconds(10));
                var inbound = new Chats.Inbound
                {
                    Chat = new Chats.ChatAddress(platform, "-100"),
                    User = new Chats.UserRef(platform, "7"),
                    ChatKind = Chats.ChatKind.Group,
                    IsChatAdmin = true,
                    Text = $"/{definition.Name} e0 Some text --now",
                };

                var response = await bot.Commands.HandleAsync(inbound, CancellationToken.None);

                Assert.StartsWith($"Only moderators can use /{definition.Name}", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
            }
        }

        Assert.Empty(bot.Timeline.Batches);
        Assert.Empty(bot.Audit.Records);
    }

    [Fact]
    public async Task PostShowsAPreviewAndSendsOnlyWhenTheAuthorPressesSend()
    {
        using var bot = new Bot(new Dictionary<string, string?>
        {
            ["UpdateBot:Moderators:Telegram:0"] = Moderator,
            ["UpdateBot:Moderators:Telegram:1"] = "43",
        });

        var preview = await bot.Commands.HandleAsync(Bot.Private("/post Demo moved to 8pm\\nBring banners", Moderator), CancellationToken.None);
        var buttons = preview.Messages[0].Buttons.SelectMany(r => r).ToList();
        var someoneElse = await bot.Commands.HandleAsync(Bot.Private("", "43") with { CallbackData = buttons[0].Data }, CancellationToken.None);
        Assert.Empty(bot.Timeline.Batches);

        var sent = await bot.Commands.HandleAsync(Bot.Private("", Moderator) with { CallbackData = buttons[0].Data }, CancellationToken.None);
        var again = await bot.Commands.HandleAsync(Bot.Private("", Moderator) with { CallbackData = buttons[0].Data }, CancellationToken.None);

        Assert.Equal(["Send", "Cancel"], buttons.Select(b => b.Label));
        Assert.True(preview.Messages[0].Private);
        Assert.Equal("Nothing was posted.", someoneElse.Notice);
        var change = Assert.Single(bot.Timeline.Changes);
        Assert.Equal(ChangeKind.Added, change.Kind);
        Assert.True(change.Deliver);
        Assert.Equal(EntryKind.Breaking, change.Entry.Kind);
        Assert.Equal("Demo moved to 8pm\n\nBring banners", change.Entry.Text);
        Assert.Equal("Sent.", sent.Notice);
        Assert.Equal("Nothing was posted.", again.Notice);
        Assert.Equal("post", Assert.Single(bot.Audit.Records).Action);
    }

    [Fact]
    public async Task CancelPostsNothing()
    {
        using var bot = new Bot();
        var preview = await bot.Commands.HandleAsync(Bot.Private("/post Demo at 6pm", Moderator), CancellationToken.None);
        var cancel = preview.Messages[0].Buttons[0][1];

        var response = await bot.Commands.HandleAsync(Bot.Private("", Moderator) with { CallbackData = cancel.Data }, CancellationToken.None);

        Assert.True(response.ReplaceOriginal);
        Assert.Empty(bot.Timeline.Batches);
        Assert.Empty(bot.Audit.Records);
    }

    [Fact]
    public async Task PostNowSkipsThePreview()
    {
        using var bot = new Bot();

        await bot.Commands.HandleAsync(Bot.Private("/post Meeting cancelled --now", Moderator), CancellationToken.None);

        Assert.Equal("Meeting cancelled", Assert.Single(bot.Timeline.Changes).Entry.Text);
    }

    [Fact]
    public async Task EditFollowsABreakingEntryButNotASourcesEntry()
    {
        using var bot = new Bot();
        bot.AddEntries(1);
        await bot.Commands.HandleAsync(Bot.Private("/post First text --now", Moderator), CancellationToken.None);
        var id = bot.Timeline.Changes.Single().Entry.Id;

        var edited = await bot.Commands.HandleAsync(Bot.Private($"/edit {id} Second text", Moderator), CancellationToken.None);
        var refused = await bot.Commands.HandleAsync(Bot.Private("/edit e0 Rewritten", Moderator), CancellationToken.None);

        var change = bot.Timeline.Changes.Last();
        Assert.Equal(ChangeKind.Updated, change.Kind);
        Assert.Equal("Second text", change.Entry.Text);
        Assert.NotNull(change.Entry.Updated);
        Assert.StartsWith("Edited", edited.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Equal(MessageTone.Error, refused.Messages[0].Tone);
        Assert.Equal(2, bot.Timeline.Batches.Count);
    }

    [Fact]
    public async Task RetractWithdrawsAnyEntryAndIsAudited()
    {
        using var bot = new Bot();
        bot.AddEntries(1);

        await bot.Commands.HandleAsync(Bot.Private("/retract e0", Moderator), CancellationToken.None);
        var audit = await bot.Commands.HandleAsync(Bot.Private("/audit", Moderator), CancellationToken.None);

        Assert.Equal(ChangeKind.Removed, Assert.Single(bot.Timeline.Changes).Kind);
        Assert.Contains("retract e0", audit.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetractOfAnUnknownIdChangesNothing()
    {
        using var bot = new Bot();

        var response = await bot.Commands.HandleAsync(Bot.Private("/retract nope", Moderator), CancellationToken.None);

        Assert.Contains("No entry has the id 'nope'", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Timeline.Batches);
    }

    [Fact]
    public async Task ACommandFloodIsSlowedPolitelyAndRecovers()
    {
        using var bot = new Bot();
        var replies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await bot.Commands.HandleAsync(Bot.Private("/about"), CancellationToken.None);
            replies.Add(response.Messages[0].Body[0].PlainText);
        }

        bot.Time.Advance(TimeSpan.FromSeconds(2));
        var later = await bot.Commands.HandleAsync(Bot.Private("/about"), CancellationToken.None);

        Assert.All(replies.Take(5), r => Assert.StartsWith("UpdateBot", r, StringComparison.Ordinal));
        Assert.StartsWith("Slow down a little", replies[5], StringComparison.Ordinal);
        Assert.StartsWith("UpdateBot", later.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusTellsEachSourcesLastReadAndCurrentFailure()
    {
        using var bot = new Bot();
        bot.SourceStates.States["leeds"] = new Sources.SourceState
        {
            SourceName = "leeds",
            LastSuccess = bot.Time.GetUtcNow().AddMinutes(-10),
            LastErrorAt = bot.Time.GetUtcNow().AddMinutes(-1),
            LastError = "HTTP 503 Service Unavailable",
            EntriesSeen = 36,
        };
        bot.Backlog.Pending = 4;

        var response = await bot.Commands.HandleAsync(Bot.Private("/status"), CancellationToken.None);

        var text = response.Messages[0].Body[0].PlainText;
        Assert.Contains("last read: 12:50", text, StringComparison.Ordinal);
        Assert.Contains("entries seen: 36", text, StringComparison.Ordinal);
        Assert.Contains("failing since 12:59: HTTP 503 Service Unavailable", text, StringComparison.Ordinal);
        Assert.Equal("4 messages wait to be posted in this chat.", response.Messages[0].Body[1].PlainText);
    }
}
