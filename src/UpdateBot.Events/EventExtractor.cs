using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Events.Extraction;
using UpdateBot.Events.Places;

namespace UpdateBot.Events;

/// <summary>
/// Finds the events announced in live-blog entries: pure (no clock, no I/O beyond the lazily loaded gazetteer).
/// Entries are read oldest first so that later entries can move or cancel what earlier ones announced.
/// </summary>
public sealed class EventExtractor
{
    private readonly GeoNamesGazetteer gazetteer;

    public EventExtractor()
        : this(Gazetteer.Shared)
    {
    }

    internal EventExtractor(GeoNamesGazetteer gazetteer) => this.gazetteer = gazetteer;

    /// <summary>The events in <paramref name="entries"/>, merged, in order of start.</summary>
    /// <param name="entries">Entries of one feed, in any order.</param>
    /// <param name="zone">The feed's time zone: relative dates are resolved in it.</param>
    /// <param name="regionHint">ISO country of the feed ("GB"); null: taken from the zone.</param>
    public IReadOnlyList<EventRecord> Extract(IEnumerable<Entry> entries, TimeZoneInfo zone, string? regionHint = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        var ledger = NewLedger(zone);
        foreach (var mention in entries.OrderBy(e => e.Published).SelectMany(e => Mentions(e, zone, regionHint)))
        {
            ledger.Apply(mention);
        }

        return [.. ledger.Events.OrderBy(e => e.Start)];
    }

    internal IReadOnlyList<EventMention> Mentions(Entry entry, TimeZoneInfo zone, string? regionHint)
    {
        var spotter = new PlaceSpotter(gazetteer, PlaceAliases.NormalizeRegion(regionHint) ?? RegionHints.ForZone(zone));
        return MentionFinder.Find(entry, zone, spotter);
    }

    internal EventLedger NewLedger(TimeZoneInfo zone) => new(zone, gazetteer.ToPlace);
}
