using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Timeline;

/// <summary>
/// Compares one read of a source with what the timeline knows and commits the difference in one batch:
/// new entries (oldest first, so delivery is chronological), updates (same id, new content hash), and removals
/// (absent for <see cref="UpdateBotOptions.RemovalMisses"/> reads in a row). On first sight existing entries are
/// recorded without delivery, except the newest <see cref="SourceDefinition.Backlog"/>. A read that suddenly
/// has no entries at all while entries are known is suspect: nothing is removed.
/// </summary>
public sealed class TimelineIngestor(
    IEntryStore entries,
    ITimelineWriter writer,
    IOptions<UpdateBotOptions> options,
    ILogger<TimelineIngestor>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<TimelineIngestor>.Instance;

    public async Task<IngestResult> IngestAsync(SourceDefinition source, FeedSnapshot snapshot, bool isFirstSight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(snapshot);
        var known = (await entries.GetKnownAsync(source.Name, cancellationToken)).ToDictionary(k => k.Id, StringComparer.Ordinal);
        var live = known.Values.Count(k => !k.Removed);
        var current = snapshot.Entries.DistinctBy(e => e.Id).ToList();
        if (current.Count == 0 && live > 0)
        {
            TimelineLog.SuspectEmptyRead(logger, source.Name, live);
            return IngestResult.SuspectRead;
        }

        current = Rekey(current.Select(e => e with { SourceName = source.Name }).ToList(), known);

        // Oldest first: the snapshot is newest first, ties keep the page's order.
        var chronological = current.Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => x.Entry.Published)
            .ThenByDescending(x => x.Index)
            .Select(x => x.Entry)
            .ToList();
        var backlog = isFirstSight ? current.Take(Math.Max(0, source.Backlog)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal) : [];

        var changes = new List<TimelineChange>();
        var misses = new Dictionary<string, int>(StringComparer.Ordinal);
        int added = 0, updated = 0, removed = 0;
        foreach (var entry in chronological)
        {
            if (!known.TryGetValue(entry.Id, out var before))
            {
                changes.Add(new TimelineChange(ChangeKind.Added, entry, !isFirstSight || backlog.Contains(entry.Id)));
                added++;
                continue;
            }

            if (before.Misses > 0)
            {
                misses[entry.Id] = 0;
            }

            var changed = !string.Equals(before.ContentHash, entry.ContentHash, StringComparison.Ordinal);
            if (changed || before.Removed)
            {
                // A removed entry that comes back is restored; it is delivered again only if it changed.
                changes.Add(new TimelineChange(ChangeKind.Updated, entry, changed && !isFirstSight));
                updated++;
            }
        }

        var present = current.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var threshold = Math.Max(1, options.Value.RemovalMisses);
        foreach (var gone in known.Values.Where(k => !k.Removed && !present.Contains(k.Id)).OrderBy(k => k.Published))
        {
            var count = gone.Misses + 1;
            if (count < threshold)
            {
                misses[gone.Id] = count;
                continue;
            }

            var entry = await entries.FindAsync(source.Name, gone.Id, cancellationToken);
            if (entry is null)
            {
                misses[gone.Id] = count;
                continue;
            }

            misses[gone.Id] = count;
            changes.Add(new TimelineChange(ChangeKind.Removed, entry, !isFirstSight));
            removed++;
        }

        if (changes.Count == 0 && misses.Count == 0)
        {
            return new IngestResult(0, 0, 0, 0);
        }

        await writer.CommitAsync(new TimelineBatch(source.Name, changes, misses), cancellationToken);
        var delivered = changes.Count(c => c.Deliver);
        if (isFirstSight)
        {
            TimelineLog.FirstSight(logger, source.Name, added, delivered);
        }
        else if (changes.Count > 0)
        {
            TimelineLog.Ingested(logger, source.Name, added, updated, removed, delivered);
        }

        return new IngestResult(added, updated, removed, delivered);
    }

    /// <summary>
    /// An entry whose derived id changed because its opening words were edited shows up as one unknown entry and
    /// one missing known entry at the same timestamp: it keeps its old id, so the edit is an update.
    /// </summary>
    private static List<Entry> Rekey(List<Entry> current, Dictionary<string, KnownEntry> known)
    {
        var currentIds = current.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var missing = known.Values.Where(k => !k.Removed && !currentIds.Contains(k.Id))
            .GroupBy(k => k.Published)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id);
        if (missing.Count == 0)
        {
            return current;
        }

        var renames = current.Where(e => !known.ContainsKey(e.Id))
            .GroupBy(e => e.Published)
            .Where(g => g.Count() == 1 && missing.ContainsKey(g.Key))
            .ToDictionary(g => g.Single().Id, g => missing[g.Key], StringComparer.Ordinal);
        return renames.Count == 0 ? current : current.Select(e => renames.TryGetValue(e.Id, out var old) ? e with { Id = old } : e).ToList();
    }
}
