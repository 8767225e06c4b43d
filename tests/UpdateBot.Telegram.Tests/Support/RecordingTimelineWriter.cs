using UpdateBot.Core.Storage;

namespace UpdateBot.Telegram.Tests.Support;

/// <summary>A hand-written fake of the timeline writer (needed by moderator commands): keeps what was committed.</summary>
public sealed class RecordingTimelineWriter : ITimelineWriter
{
    private readonly List<TimelineBatch> batches = [];
    private readonly Lock gate = new();

    public IReadOnlyList<TimelineBatch> Batches
    {
        get
        {
            lock (gate)
            {
                return batches.ToList();
            }
        }
    }

    public Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            batches.Add(batch);
        }

        return Task.CompletedTask;
    }
}
