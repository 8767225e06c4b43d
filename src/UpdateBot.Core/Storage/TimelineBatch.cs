namespace UpdateBot.Core.Storage;

/// <summary>
/// Everything one read of a source changed, committed atomically: entries added, updated or removed,
/// and the miss counters of entries that were absent from this read (reset to 0 for those present).
/// </summary>
public sealed record TimelineBatch(
    string SourceName,
    IReadOnlyList<TimelineChange> Changes,
    IReadOnlyDictionary<string, int> Misses);
