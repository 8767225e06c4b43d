namespace UpdateBot.Discord.Rest;

/// <summary>What we know of one (bucket, major parameter): requests in it run one at a time.</summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    /// <summary>Set by a 429: nothing goes out before this moment.</summary>
    public DateTimeOffset PausedUntil { get; set; }

    /// <summary>When the next request may go: after a pause, and after the reset when the bucket is empty.</summary>
    public DateTimeOffset ReadyAt(DateTimeOffset now)
    {
        var ready = PausedUntil;
        if (Remaining == 0 && ResetAt > ready)
        {
            ready = ResetAt;
        }

        return ready > now ? ready : now;
    }
}
