using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Places;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Moderation;

/// <summary>
/// "/post ... --near Leeds 20km" through the command layer, the real SQL stores on SQLite and the delivery engine,
/// with hand-written Telegram and Discord platforms: only the chats near Leeds get it, and /edit and /retract follow it
/// there and nowhere else.
/// </summary>
public sealed class PostNearEndToEndTests : IAsyncLifetime
{
    private const string Moderator = "42";

    private static readonly ChatAddress LeedsTelegram = new("telegram", "-100");
    private static readonly ChatAddress BradfordDiscord = new("discord", "500");
    private static readonly ChatAddress YorkTelegram = new("telegram", "-200");
    private static readonly ChatAddress NoHomeDiscord = new("discord", "600");
    private static readonly ChatAddress ManchesterDiscord = new("discord", "700");

    private readonly FakeChatPlatform telegram = new("telegram");
    private readonly FakeChatPlatform discord = new("discord");
    private TestDatabase db = null!;
    private ServiceProvider services = null!;

    private ICommandHandler Commands => services.GetRequiredService<ICommandHandler>();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.SqliteAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UpdateBot:Sources:0:Name"] = "live",
            ["UpdateBot:Sources:0:Url"] = "https://example.org/live",
            ["UpdateBot:Moderators:Telegram:0"] = Moderator,
            ["UpdateBot:Storage:Provider"] = db.Options.Provider,
            ["UpdateBot:Storage:ConnectionString"] = db.Options.ConnectionString,
        }).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(db.Time)
            .AddSingleton<IPlaceDirectory>(new FewPlaces())
            .AddUpdateBotStorage(configuration)
            .AddUpdateBotCore(configuration)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await db.DisposeAsync();
    }

    [Fact]
    public async Task A_near_post_reaches_only_nearby_chats_ahead_of_routine_entries_and_edit_and_retract_follow_it()
    {
        await Subscribe(LeedsTelegram, "Leeds, GB");
        await Subscribe(BradfordDiscord, "Bradford, GB");
        await Subscribe(YorkTelegram, "York, GB");
        await Subscribe(NoHomeDiscord, home: null);
        await Subscribe(ManchesterDiscord, "Manchester, GB");
        await db.Timeline.CommitAsync(
            new TimelineBatch("live", [new TimelineChange(ChangeKind.Added, Routine("e1"), true), new TimelineChange(ChangeKind.Added, Routine("e2"), true)], new Dictionary<string, int>()),
            default);

        var preview = await Commands.HandleAsync(Private("/post Road closed at the bridge --near Leeds 20km"), default);
        Assert.Equal(
            "Press Send to post this only to chats whose home place is within 20 km of Leeds (England, GB), 2 destinations.",
            preview.Messages[0].Footer);
        var sent = await Commands.HandleAsync(Private("") with { CallbackData = preview.Messages[0].Buttons[0][0].Data }, default);
        Assert.Equal("Sent.", sent.Notice);
        var id = (await db.Entries.GetLatestAsync(1, 0, default))[0].Id;
        await DrainAsync();

        // Sent only near Leeds, on both platforms, and before the routine entries that were already waiting.
        Assert.Equal([LeedsTelegram, BradfordDiscord], NearSends().Select(c => c.Chat));
        Assert.Equal(["Road closed at the bridge", "e1", "e2"], Texts(telegram, LeedsTelegram, "send"));
        Assert.Equal(["Road closed at the bridge", "e1", "e2"], Texts(discord, BradfordDiscord, "send"));
        Assert.Equal(["e1", "e2"], Texts(telegram, YorkTelegram, "send"));
        Assert.Equal(["e1", "e2"], Texts(discord, NoHomeDiscord, "send"));
        Assert.Equal(["e1", "e2"], Texts(discord, ManchesterDiscord, "send"));

        // It is in the timeline like any breaking entry.
        var latest = await Commands.HandleAsync(Inbound(YorkTelegram, "/latest 1", "7"), default);
        Assert.Contains("Road closed at the bridge", string.Join("\n", latest.Messages.SelectMany(m => m.Body).Select(p => p.PlainText)), StringComparison.Ordinal);

        // A chat near Leeds that subscribes later was never reached: the edit does not post it there.
        var late = new ChatAddress("telegram", "-300");
        await Subscribe(late, "Leeds, GB");
        var before = (telegram.Calls.Count, discord.Calls.Count);
        await Commands.HandleAsync(Private($"/edit {id} Road open again"), default);
        await DrainAsync();
        var edits = Since(before);
        Assert.All(edits, c => Assert.Equal("edit", c.Kind));
        Assert.Equal([LeedsTelegram, BradfordDiscord], edits.Select(c => c.Chat));
        Assert.All(edits, c => Assert.Contains("Road open again", c.Text, StringComparison.Ordinal));

        before = (telegram.Calls.Count, discord.Calls.Count);
        await Commands.HandleAsync(Private($"/retract {id}"), default);
        await DrainAsync();
        var deletes = Since(before);
        Assert.All(deletes, c => Assert.Equal("delete", c.Kind));
        Assert.Equal([LeedsTelegram, BradfordDiscord], deletes.Select(c => c.Chat));

        var audit = await db.Audit.RecentAsync(10, default);
        Assert.Equal(["retract", "edit", "post"], audit.Select(a => a.Action));
        Assert.Equal("[within 20 km of Leeds (England, GB), 2 destinations] Road closed at the bridge", audit[2].Detail);
    }

    private async Task Subscribe(ChatAddress chat, string? home)
    {
        var response = await Commands.HandleAsync(Inbound(chat, "/subscribe", "7") with { ChatKind = ChatKind.Group, IsChatAdmin = true }, default);
        Assert.StartsWith("Subscribed", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        if (home is not null)
        {
            await services.GetRequiredService<IChatSettingsStore>().SaveAsync(chat, new ChatEventSettings { HomePlace = home }, default);
        }
    }

    private async Task DrainAsync()
    {
        foreach (var platform in new[] { telegram, discord })
        {
            var deliverer = new PlatformDeliverer(
                platform,
                db.Queue,
                db.Entries,
                db.Subscriptions,
                new FeedTimeZones(new FixedOptionsMonitor<UpdateBotOptions>(new UpdateBotOptions())),
                new DeliveryOptions { InstanceId = "test" },
                db.Time,
                NullLogger.Instance);
            for (var round = 0; (await db.Queue.CountAsync(platform.Name, default)).Pending > 0; round++)
            {
                Assert.True(round < 200, "The outbox did not drain.");
                if (!await deliverer.RunRoundAsync(default))
                {
                    db.Time.Advance(TimeSpan.FromSeconds(1));
                }
            }
        }
    }

    private IEnumerable<PlatformCall> All() => telegram.Calls.Concat(discord.Calls);

    private List<PlatformCall> Since((int Telegram, int Discord) before) =>
        [.. telegram.Calls.Skip(before.Telegram), .. discord.Calls.Skip(before.Discord)];

    private IEnumerable<PlatformCall> NearSends() =>
        All().Where(c => c.Kind == "send" && c.Text.Contains("Road closed at the bridge", StringComparison.Ordinal));

    private static List<string> Texts(FakeChatPlatform platform, ChatAddress chat, string kind) =>
        [.. platform.Calls.Where(c => c.Chat == chat && c.Kind == kind).Select(c => c.Text.Contains("Road closed", StringComparison.Ordinal) ? "Road closed at the bridge" : c.Text.Split(' ')[0])];

    private static Inbound Private(string text) => Inbound(new ChatAddress("telegram", Moderator), text, Moderator);

    private static Inbound Inbound(ChatAddress chat, string text, string user) => new()
    {
        Chat = chat,
        User = new UserRef(chat.Platform, user),
        Text = text,
    };

    private static Entry Routine(string id) => new()
    {
        SourceName = "live",
        Id = id,
        Published = new DateTimeOffset(2026, 11, 25, 9, id == "e1" ? 1 : 2, 0, TimeSpan.Zero),
        Text = $"{id} routine entry",
    };
}
