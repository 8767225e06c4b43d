using System.Collections.Concurrent;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;

namespace UpdateBot.Sources.Tests.Fakes;

/// <summary>A hand-written in-memory timeline: the entry store and the writer, applying batches as the real store does.</summary>
internal sealed class InMemoryTimeline : IEntryStore, ITimelineWriter
{
    private readonly object gate = new();
    private readonly Dictionary<(string Source, string Id), Stored> entries = [];

    public ConcurrentQueue<TimelineBatch> Batches { get; } = new();

    /// <summary>Every change committed with Deliver = true, in commit order.</summary>
    public IReadOnlyList<TimelineChange> Delivered => Batches.SelectMany(b => b.Changes).Where(c => c.Deliver).ToList();

    public IReadOnlyList<TimelineChange> AllChanges => Batches.SelectMany(b => b.Changes).ToList();

    public bool FailNextCommit { get; set; }

    public Task<IReadOnlyList<KnownEntry>> GetKnownAsync(string sourceName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<KnownEntry> known = entries.Where(e => e.Key.Source == sourceName)
                .Select(e => new KnownEntry(e.Key.Id, e.Value.Entry.ContentHash, e.Value.Entry.Published, e.Value.Misses, e.Value.Removed))
                .ToList();
            return Task.FromResult(known);
        }
    }

    public Task<IReadOnlyList<Entry>> GetLatestAsync(int count, int skip, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<Entry> latest = entries.Values.Where(e => !e.Removed).Select(e => e.Entry)
                .OrderByDescending(e => e.Published).Skip(skip).Take(count).ToList();
            return Task.FromResult(latest);
        }
    }

    public Task<Entry?> FindAsync(string sourceName, string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.TryGetValue((sourceName, id), out var stored) ? stored.Entry : null);
        }
    }

    public Task<Entry?> FindAnyAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.FirstOrDefault(e => e.Key.Id == id).Value?.Entry);
        }
    }

    public Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken)
    {
        if (FailNextCommit)
        {
            FailNextCommit = false;
            throw new InvalidOperationException("database is locked");
        }

        lock (gate)
        {
            foreach (var change in batch.Changes)
            {
                var key = (batch.SourceName, change.Entry.Id);
                switch (change.Kind)
                {
                    case ChangeKind.Added:
                        if (entries.ContainsKey(key))
                        {
                            throw new InvalidOperationException($"duplicate entry {key}");
                        }

                        entries[key] = new Stored(change.Entry);
                        break;
                    case ChangeKind.Updated:
                        entries[key] = new Stored(change.Entry);
                        break;
                    case ChangeKind.Removed:
                        entries[key] = entries[key] with { Removed = true };
                        break;
                }
            }

            foreach (var (id, misses) in batch.Misses)
            {
                if (entries.TryGetValue((batch.SourceName, id), out var stored))
                {
                    entries[(batch.SourceName, id)] = stored with { Misses = misses };
                }
            }

            Batches.Enqueue(batch);
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<Entry> Live(string source)
    {
        lock (gate)
        {
            return entries.Where(e => e.Key.Source == source && !e.Value.Removed).Select(e => e.Value.Entry).OrderByDescending(e => e.Published).ToList();
        }
    }

    private sealed record Stored(Entry Entry, int Misses = 0, bool Removed = false);
}
