using UpdateBot.Core.Storage;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>Keeps committed timeline batches.</summary>
public sealed class InMemoryTimelineWriter : ITimelineWriter
{
    private readonly List<TimelineBatch> batches = [];

    public IReadOnlyList<TimelineBatch> Batches
    {
        get
        {
            lock (batches)
            {
                return batches.ToList();
            }
        }
    }

    public Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken)
    {
        lock (batches)
        {
            batches.Add(batch);
        }

        return Task.CompletedTask;
    }
}
