using System.Collections.Concurrent;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>In-memory stores, so the benchmark measures polling, not a database.</summary>
internal sealed class BenchStores : IEntryStore, ITimelineWriter, ISourceStateStore
{
    private readonly ConcurrentDictionary<string, SourceState> states = new();
    private readonly ConcurrentDictionary<(string, string), Entry> entries = new();

    public Task<IReadOnlyList<KnownEntry>> GetKnownAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnownEntry>>(entries.Where(e => e.Key.Item1 == sourceName)
            .Select(e => new KnownEntry(e.Key.Item2, e.Value.ContentHash, e.Value.Published, 0, false)).ToList());

    public Task<IReadOnlyList<Entry>> GetLatestAsync(int count, int skip, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Entry>>(entries.Values.OrderByDescending(e => e.Published).Skip(skip).Take(count).ToList());

    public Task<Entry?> FindAsync(string sourceName, string id, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryGetValue((sourceName, id), out var e) ? e : null);

    public Task<Entry?> FindAnyAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult<Entry?>(entries.FirstOrDefault(e => e.Key.Item2 == id).Value);

    public Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken)
    {
        foreach (var change in batch.Changes)
        {
            entries[(batch.SourceName, change.Entry.Id)] = change.Entry;
        }

        return Task.CompletedTask;
    }

    public Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryGetValue(sourceName, out var s) ? s : null);

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        states[state.SourceName] = state;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceState>>(states.Values.ToList());
}
