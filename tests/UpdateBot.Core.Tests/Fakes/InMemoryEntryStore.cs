using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Tests.Fakes;

internal sealed class InMemoryEntryStore : IEntryStore
{
    public List<Entry> Entries { get; } = [];

    public Task<IReadOnlyList<KnownEntry>> GetKnownAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnownEntry>>(Entries
            .Where(e => e.SourceName == sourceName)
            .Select(e => new KnownEntry(e.Id, e.ContentHash, e.Published, 0, false))
            .ToList());

    public Task<IReadOnlyList<Entry>> GetLatestAsync(int count, int skip, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Entry>>(Entries.OrderByDescending(e => e.Published).Skip(skip).Take(count).ToList());

    public Task<Entry?> FindAsync(string sourceName, string id, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.FirstOrDefault(e => e.SourceName == sourceName && e.Id == id));

    public Task<Entry?> FindAnyAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.FirstOrDefault(e => e.Id == id));
}
