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

    /// <summary>
    /// Frees the leases held by owners whose name starts with <paramref name="ownerPrefix"/> other than
    /// <paramref name="owner"/>: what an earlier process of the same instance left behind when it was killed, so a
    /// restarted instance polls at once instead of waiting for its own old leases to expire. Returns how many.
    /// </summary>
    Task<int> ReleaseStaleSourceLeasesAsync(string ownerPrefix, string owner, CancellationToken cancellationToken);
}
