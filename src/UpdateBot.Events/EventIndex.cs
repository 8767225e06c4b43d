using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Events.Extraction;

namespace UpdateBot.Events;

/// <summary>
/// The events known in memory, fed with entries as they arrive. Each entry's statements are kept; when an entry
/// arrives out of order or changes, the statements are replayed in publication order, so moves and cancellations
/// always apply to what was announced before them. Moderators' events (confirmed) override extracted ones.
/// Thread-safe; queries read an immutable snapshot.
/// </summary>
public sealed class EventIndex : IEventCatalog
{
    private readonly EventExtractor extractor;
    private readonly string? regionHint;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Source, string Id), Observed> entries = [];
    private readonly Dictionary<string, TimeZoneInfo> zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventRecord> moderated = new(StringComparer.Ordinal);
    private EventRecord[] snapshot = [];
    private bool dirty;

    public EventIndex()
        : this(new EventExtractor())
    {
    }

    public EventIndex(EventExtractor extractor, string? regionHint = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        this.extractor = extractor;
        this.regionHint = regionHint;
    }

    /// <summary>Raised (outside the lock) after a change of the known events.</summary>
    public event EventHandler? Changed;

    public int Count => Snapshot().Length;

    /// <summary>Reads one entry (new or a new version of a known one) of a feed in <paramref name="zone"/>.</summary>
    public void Observe(Entry entry, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObserveMany([entry], zone);
    }

    public void ObserveMany(IEnumerable<Entry> batch, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(zone);
        var read = batch.Select(e => new Observed(e.ContentHash, e.Published, extractor.Mentions(e, zone, regionHint), e.SourceName, e.Id)).ToList();
        var changed = false;
        lock (gate)
        {
            foreach (var o in read)
            {
                zones[o.Source] = zone;
                if (entries.TryGetValue((o.Source, o.Id), out var known) && known.Hash == o.Hash)
                {
                    continue;
                }

                entries[(o.Source, o.Id)] = o;
                changed = dirty = true;
            }
        }

        if (changed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Adds or replaces a moderator's event (marked confirmed).</summary>
    public void Put(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            moderated[record.Id] = record with { Confirmed = true };
            dirty = true;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public EventRecord? Get(string id) => Snapshot().FirstOrDefault(e => e.Id == id);

    /// <summary>All known events (including past and cancelled ones), in order of start.</summary>
    public IReadOnlyList<EventRecord> All => Snapshot();

    public Task<IReadOnlyList<EventMatch>> UpcomingAsync(EventQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Query(query));
    }

    /// <summary>The synchronous form of <see cref="UpcomingAsync"/>.</summary>
    public IReadOnlyList<EventMatch> Query(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = Snapshot();

        // Sorted by start; an event with no known time stays upcoming to the end of its day.
        var from = query.IncludePast ? 0 : LowerBound(events, query.Now.AddDays(-1));
        var result = new List<EventMatch>();
        for (var i = from; i < events.Length; i++)
        {
            var e = events[i];
            if ((!query.IncludePast && e.UpcomingUntil < query.Now) || (!query.IncludeCancelled && e.Status == EventStatus.Cancelled))
            {
                continue;
            }

            double? distance = null;
            if (query.Center is { } center)
            {
                if (e.Place is null)
                {
                    continue;
                }

                distance = center.DistanceKm(e.Place.Location);
                if (distance > query.RadiusKm)
                {
                    continue;
                }
            }

            result.Add(new EventMatch(e, distance));
            if (query.Limit > 0 && result.Count >= query.Limit)
            {
                break;
            }
        }

        return result;
    }

    private static int LowerBound(EventRecord[] events, DateTimeOffset start)
    {
        int lo = 0, hi = events.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (events[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private EventRecord[] Snapshot()
    {
        lock (gate)
        {
            if (!dirty)
            {
                return snapshot;
            }

            var all = new List<EventRecord>();
            foreach (var source in entries.Values.GroupBy(o => o.Source, StringComparer.Ordinal))
            {
                var ledger = extractor.NewLedger(zones[source.Key]);
                foreach (var mention in source.OrderBy(o => o.Published).ThenBy(o => o.Id, StringComparer.Ordinal).SelectMany(o => o.Mentions))
                {
                    ledger.Apply(mention);
                }

                all.AddRange(ledger.Events);
            }

            var byId = all.Where(e => !moderated.ContainsKey(e.Id)).Concat(moderated.Values);
            snapshot = [.. byId.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal)];
            dirty = false;
            return snapshot;
        }
    }

    private sealed record Observed(string Hash, DateTimeOffset Published, IReadOnlyList<EventMention> Mentions, string Source, string Id);
}
