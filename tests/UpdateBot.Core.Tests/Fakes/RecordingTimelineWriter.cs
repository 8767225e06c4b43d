using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Tests.Fakes;

/// <summary>Keeps every committed batch, and applies it to the in-memory entry store.</summary>
internal sealed class RecordingTimelineWriter(InMemoryEntryStore entries) : ITimelineWriter
{
    public List<TimelineBatch> Batches { get; } = [];

    public IEnumerable<TimelineChange> Changes => Batches.SelectMany(b => b.Changes);

    public Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken)
    {
        Batches.Add(batch);
        foreach (var change in batch.Changes)
        {
            entries.Entries.RemoveAll(e => e.SourceName == change.Entry.SourceName && e.Id == change.Entry.Id);
            if (change.Kind != ChangeKind.Removed)
            {
                entries.Entries.Add(change.Entry);
            }
        }

        return Task.CompletedTask;
    }
}
