namespace UpdateBot.Core.Operations;

/// <summary>Read-only view of the delivery queue, for the status page, /metrics and /readyz.</summary>
public interface IQueueStats
{
    /// <summary>One row per platform that has, or has had, delivery jobs.</summary>
    Task<IReadOnlyList<PlatformQueueStats>> GetAsync(CancellationToken cancellationToken);
}
