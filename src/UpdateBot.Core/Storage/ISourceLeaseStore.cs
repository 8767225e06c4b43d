namespace UpdateBot.Core.Storage;

/// <summary>
/// Leases that let several bot instances share one database: each source is polled by one instance at a time, and a
/// lease whose holder died expires after its time to live.
/// </summary>
public interface ISourceLeaseStore
{
    /// <summary>Takes or renews the lease of a source; false while another live owner holds it.</summary>
    Task<bool> TryAcquireSourceLeaseAsync(string sourceName, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up early (clean shutdown) so another instance can take over at once.</summary>
    Task ReleaseSourceLeaseAsync(string sourceName, string owner, CancellationToken cancellationToken);
}
