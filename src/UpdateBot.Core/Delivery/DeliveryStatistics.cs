namespace UpdateBot.Core.Delivery;

/// <summary>Counters of one process's delivery work, per platform (for logs, /status and the benchmarks).</summary>
public sealed class DeliveryStatistics
{
    private long sent;
    private long edited;
    private long deleted;
    private long digests;
    private long rateLimited;
    private long transient;
    private long forbidden;
    private long moved;
    private long failed;

    public long Sent => Interlocked.Read(ref sent);

    public long Edited => Interlocked.Read(ref edited);

    public long Deleted => Interlocked.Read(ref deleted);

    public long Digests => Interlocked.Read(ref digests);

    public long RateLimited => Interlocked.Read(ref rateLimited);

    public long Transient => Interlocked.Read(ref transient);

    public long Forbidden => Interlocked.Read(ref forbidden);

    public long Moved => Interlocked.Read(ref moved);

    public long Failed => Interlocked.Read(ref failed);

    internal void CountSent() => Interlocked.Increment(ref sent);

    internal void CountEdited() => Interlocked.Increment(ref edited);

    internal void CountDeleted() => Interlocked.Increment(ref deleted);

    internal void CountDigest() => Interlocked.Increment(ref digests);

    internal void CountRateLimited() => Interlocked.Increment(ref rateLimited);

    internal void CountTransient() => Interlocked.Increment(ref transient);

    internal void CountForbidden() => Interlocked.Increment(ref forbidden);

    internal void CountMoved() => Interlocked.Increment(ref moved);

    internal void CountFailed() => Interlocked.Increment(ref failed);
}
