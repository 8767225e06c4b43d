namespace UpdateBot.Core.Delivery;

/// <summary>
/// A token bucket in its GCRA form: one permit per <c>1/rate</c> seconds with up to <c>burst</c> at once, plus a pause
/// set by a 429's retry_after. In any window of W seconds it lets through at most <c>burst + ⌊(W + lateness)·rate⌋</c>
/// permits, so a sliding-window limit of L per W is never exceeded when that sum is at most L. Not thread-safe.
/// </summary>
/// <remarks>
/// <c>lateness</c> is how far behind its schedule a permit may be taken without the schedule slipping. A caller that
/// sleeps until the next permit wakes a little late (timer granularity, a busy thread pool); without it, every such
/// delay would be added to every interval and a gate meant for 29.4/s would pace at 28. With it, a late permit keeps
/// the next one on the original grid, so the long-run rate is the configured one.
/// </remarks>
public sealed class RateGate
{
    private readonly TimeSpan interval;
    private readonly TimeSpan tolerance;
    private readonly TimeSpan lateness;
    private DateTimeOffset theoreticalArrival = DateTimeOffset.UnixEpoch;
    private DateTimeOffset pausedUntil = DateTimeOffset.UnixEpoch;

    public RateGate(double perSecond, int burst = 1, TimeSpan lateness = default)
    {
        interval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
        tolerance = interval * Math.Max(0, burst - 1);
        this.lateness = lateness > TimeSpan.Zero ? lateness : TimeSpan.Zero;
    }

    /// <summary>How long to wait before a permit is free (zero: now).</summary>
    public TimeSpan WaitTime(DateTimeOffset now)
    {
        var earliest = theoreticalArrival - tolerance;
        if (pausedUntil > earliest)
        {
            earliest = pausedUntil;
        }

        return earliest > now ? earliest - now : TimeSpan.Zero;
    }

    /// <summary>Uses a permit (call when <see cref="WaitTime"/> is zero).</summary>
    public void Take(DateTimeOffset now) =>
        theoreticalArrival = (theoreticalArrival >= now - lateness ? theoreticalArrival : now) + interval;

    public void Pause(DateTimeOffset until)
    {
        if (until > pausedUntil)
        {
            pausedUntil = until;
        }
    }

    /// <summary>True when the gate holds no state worth keeping (idle and not paused): it may be dropped.</summary>
    public bool IsIdle(DateTimeOffset now) => theoreticalArrival <= now && pausedUntil <= now;
}
