namespace UpdateBot.Discord.Gateway;

/// <summary>
/// Spaces out IDENTIFY calls: one per 5 s per concurrency slot (shard id mod max_concurrency), and none once the
/// session_start_limit is spent until it resets. Running out would make Discord reset the token.
/// </summary>
internal sealed class IdentifyGate(TimeProvider time)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, DateTimeOffset> lastBySlot = [];
    private readonly Lock gate = new();
    private int remaining = 1000;
    private DateTimeOffset resetAt;
    private int maxConcurrency = 1;

    public int Remaining
    {
        get
        {
            lock (gate)
            {
                return remaining;
            }
        }
    }

    public void Update(GatewayInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        lock (gate)
        {
            remaining = info.Remaining;
            resetAt = time.GetUtcNow() + info.ResetAfter;
            maxConcurrency = Math.Max(1, info.MaxConcurrency);
        }
    }

    /// <summary>Waits for this shard's turn to identify and counts the identify against the budget.</summary>
    public async Task WaitTurnAsync(int shardId, Action<TimeSpan>? onWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                if (remaining <= 0 && now >= resetAt)
                {
                    remaining = 1000;
                    resetAt = now + TimeSpan.FromDays(1);
                }

                var slot = shardId % maxConcurrency;
                var next = lastBySlot.TryGetValue(slot, out var last) ? last + Spacing : now;
                if (remaining <= 0 && resetAt > next)
                {
                    next = resetAt;
                }

                if (next <= now)
                {
                    lastBySlot[slot] = now;
                    remaining--;
                    return;
                }

                wait = next - now;
            }

            onWait?.Invoke(wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
