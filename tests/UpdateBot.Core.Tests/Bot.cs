using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Places;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Tests.Fakes;

namespace UpdateBot.Core.Tests;

/// <summary>The core's command layer over in-memory stores, as a test sees it.</summary>
internal sealed class Bot : IDisposable
{
    private readonly ServiceProvider provider;

    public Bot(Dictionary<string, string?>? settings = null, bool withPlaces = true)
    {
        Timeline = new RecordingTimelineWriter(Entries);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["UpdateBot:Sources:0:Name"] = "leeds",
            ["UpdateBot:Sources:0:Url"] = "https://example.org/live",
            ["UpdateBot:Moderators:Telegram:0"] = "42",
        }).Build();
        var services = new ServiceCollection();
        if (withPlaces)
        {
            services.AddSingleton<IPlaceDirectory>(Places).AddSingleton<IDestinationHomePlaces>(Homes);
        }

        provider = services
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IEntryStore>(Entries)
            .AddSingleton<ISubscriptionStore>(Subscriptions)
            .AddSingleton<ITimelineWriter>(Timeline)
            .AddSingleton<IAuditLog>(Audit)
            .AddSingleton<ISourceStateStore>(SourceStates)
            .AddSingleton<IDeliveryBacklog>(Backlog)
            .AddUpdateBotCore(configuration)
            .BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2016, 6, 28, 12, 0, 0, TimeSpan.Zero));

    public InMemoryEntryStore Entries { get; } = new();

    public InMemorySubscriptionStore Subscriptions { get; } = new();

    public RecordingTimelineWriter Timeline { get; }

    public InMemoryAuditLog Audit { get; } = new();

    public InMemorySourceStateStore SourceStates { get; } = new();

    public FixedBacklog Backlog { get; } = new();

    public FakePlaceDirectory Places { get; } = new();

    public InMemoryDestinationHomePlaces Homes { get; } = new();

    public ICommandHandler Commands => provider.GetRequiredService<ICommandHandler>();

    public static Inbound Private(string text, string userId = "7") => new()
    {
        Chat = new ChatAddress("telegram", userId),
        User = new UserRef("telegram", userId),
        Text = text,
    };

    public static Inbound InGroup(string text, bool admin, string userId = "7") => new()
    {
        Chat = new ChatAddress("telegram", "-100"),
        User = new UserRef("telegram", userId),
        ChatKind = ChatKind.Group,
        IsChatAdmin = admin,
        Text = text,
    };

    public void AddEntries(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Entries.Entries.Add(new Entry
            {
                SourceName = "leeds",
                Id = $"e{i}",
                Published = new DateTimeOffset(2016, 6, 27, 9, 0, 0, TimeSpan.Zero).AddMinutes(10 * i),
                Text = $"Entry number {i} says something.",
            });
        }
    }

    public void Dispose() => provider.Dispose();
}
