namespace UpdateBot.Core.Storage;

/// <summary>
/// Writes to the timeline. A change and the delivery jobs it causes are persisted together, before anything is
/// sent, so a crash between the two can lose neither.
/// </summary>
public interface ITimelineWriter
{
    Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken);
}
