using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Places;
using UpdateBot.Core.Sources;
using UpdateBot.Web.Tests.Fakes;

namespace UpdateBot.Web.Tests.Support;

/// <summary>A believable bot state for the status page: three sources, a queue, two platforms, entries and events.</summary>
public static class StatusFixture
{
    public static readonly DateTimeOffset Now = new(2026, 6, 28, 10, 50, 0, TimeSpan.Zero);

    public static FakeEntryStore Entries()
    {
        var store = new FakeEntryStore();
        store.Entries.Add(new Entry
        {
            SourceName = "guardian", Id = "1", Published = Now.AddMinutes(-8), Title = "Minister resigns over <leaked> letter",
            Text = "Text.", Url = "https://example.org/live#1",
        });
        store.Entries.Add(new Entry
        {
            SourceName = "breaking", Id = "b1", Kind = EntryKind.Breaking, Published = Now.AddMinutes(-3),
            Text = "Road closed at the bridge; use the ferry.",
        });
        store.Entries.Add(new Entry
        {
            SourceName = "bbc", Id = "x", Published = Now.AddHours(-26), Title = "Yesterday's summary", Text = "Text.",
        });
        return store;
    }

    public static FakeSourceStateStore States()
    {
        var states = new FakeSourceStateStore();
        states.States["guardian"] = new SourceState
        {
            SourceName = "guardian", Title = "Politics live", LastSuccess = Now.AddMinutes(-1), EntriesSeen = 214, Initialized = true,
        };
        states.States["bbc"] = new SourceState
        {
            SourceName = "bbc", Title = "BBC live", LastSuccess = Now.AddHours(-2), ConsecutiveFailures = 4,
            LastError = "HTTP 503 <Service Unavailable>", EntriesSeen = 57,
        };
        return states;
    }

    public static void Services(IServiceCollection services)
    {
        var queue = new FakeQueueStats();
        queue.Rows.Add(new PlatformQueueStats("telegram", 3, 1250, 2));
        queue.Rows.Add(new PlatformQueueStats("discord", 0, 980, 0));
        services.AddSingleton<IQueueStats>(queue);
        services.AddSingleton<IPlatformStatus>(new FakePlatformStatus("telegram", true, "webhook set"));
        services.AddSingleton<IPlatformStatus>(new FakePlatformStatus("discord", false, "resuming session"));
        services.AddSingleton<IEventCatalog>(new FakeEventCatalog(
        [
            new EventRecord
            {
                Id = "e1", Title = "Climate march", Kind = "march", Start = Now.AddDays(1).AddHours(2), SourceName = "guardian",
                EntryId = "1", Venue = "Parliament Square", Place = new Place("London", "GB", "England", new GeoPoint(51.5072, -0.1276), 8_900_000),
            },
            new EventRecord
            {
                Id = "e2", Title = "Vigil for the flood victims", Kind = "vigil", Start = Now.AddDays(2), TimeKnown = false, PartOfDay = "evening",
                SourceName = "bbc", EntryId = "x", Status = EventStatus.Cancelled,
                Place = new Place("Leeds", "GB", "England", new GeoPoint(53.7997, -1.5492), 500_000),
            },
        ]));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
    }

    public static Dictionary<string, string?> Settings() => new()
    {
        ["UpdateBot:Sources:0:Name"] = "guardian",
        ["UpdateBot:Sources:0:Url"] = "https://example.org/live",
        ["UpdateBot:Sources:1:Name"] = "bbc",
        ["UpdateBot:Sources:1:Url"] = "https://example.org/bbc",
        ["UpdateBot:Sources:2:Name"] = "reuters",
        ["UpdateBot:Sources:2:Url"] = "https://example.org/reuters",
    };
}
