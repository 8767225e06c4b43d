using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;

namespace UpdateBot.TestFakes;

/// <summary>A hand-written fake of the core's entry store: a list, newest first on read.</summary>
public sealed class InMemoryEntryStore : IEntryStore
{
    private readonly List<Entry> entries = [];
    private readonly Lock gate = new();

    public void Add(Entry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    public Task<IReadOnlyList<KnownEntry>> GetKnownAsync(string sourceName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<KnownEntry>>(entries
                .Where(e => e.SourceName == sourceName)
                .Select(e => new KnownEntry(e.Id, e.ContentHash, e.Published, 0, false))
                .ToList());
        }
    }

    public Task<IReadOnlyList<Entry>> GetLatestAsync(int count, int skip, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Entry>>(entries.OrderByDescending(e => e.Published).Skip(skip).Take(count).ToList());
        }
    }

    public Task<Entry?> FindAsync(string sourceName, string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.FirstOrDefault(e => e.SourceName == sourceName && e.Id == id));
        }
    }

    public Task<Entry?> FindAnyAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.FirstOrDefault(e => e.Id == id));
        }
    }
}
