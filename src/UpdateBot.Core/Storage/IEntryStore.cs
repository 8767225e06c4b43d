using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Storage;

/// <summary>Reads of the timeline: every entry the bot has seen, from every source.</summary>
public interface IEntryStore
{
    /// <summary>Everything known of a source's entries, removed ones included.</summary>
    Task<IReadOnlyList<KnownEntry>> GetKnownAsync(string sourceName, CancellationToken cancellationToken);

    /// <summary>The newest entries across all sources (not removed), newest first, skipping <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<Entry>> GetLatestAsync(int count, int skip, CancellationToken cancellationToken);

    Task<Entry?> FindAsync(string sourceName, string id, CancellationToken cancellationToken);

    /// <summary>Finds an entry by id in any source (moderators' /edit and /retract).</summary>
    Task<Entry?> FindAnyAsync(string id, CancellationToken cancellationToken);
}
