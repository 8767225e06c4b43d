using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Delivery;

/// <summary>
/// The rate limits of one platform, from <see cref="IChatPlatform.Limits"/>: a global gate, and per destination a
/// per-second gate and, for groups (<see cref="PlatformLimits.IsGroup"/>), a per-minute gate with a burst of a quarter
/// of the limit. A 429 pauses exactly the gate it concerns. Thread-safe.
/// </summary>
public sealed class PlatformScheduler
{
    private readonly Lock gate = new();
    private readonly PlatformLimits limits;
    private readonly double safety;
    private readonly TimeProvider time;
    private readonly RateGate global;
    private readonly Dictionary<ChatAddress, DestinationGates> destinations = [];
    private DateTimeOffset lastTrim;

    public PlatformScheduler(PlatformLimits limits, double safetyFactor, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        this.limits = limits;
        safety = safetyFactor;
        this.time = time;
        // A quarter interval of lateness keeps the pace on schedule; with the safety factor's margin the documented
        // per-second ceiling still holds in every sliding second (30/s: ≤ 1 + ⌊1.0085 × 29.4⌋ = 30).
        var globalRate = limits.GlobalPerSecond * safety;
        global = new RateGate(globalRate, 1, globalRate > 0 ? TimeSpan.FromSeconds(0.25 / globalRate) : TimeSpan.Zero);
    }

    /// <summary>Destinations with rate state held in memory (idle ones are dropped).</summary>
    public int TrackedDestinations
    {
        get
        {
            lock (gate)
            {
                return destinations.Count;
            }
        }
    }

    /// <summary>How long the destination must wait before its next message.</summary>
    public TimeSpan DestinationWait(ChatAddress chat)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            return destinations.TryGetValue(chat, out var gates) ? Max(gates.PerSecond.WaitTime(now), gates.PerMinute.WaitTime(now)) : TimeSpan.Zero;
        }
    }

    /// <summary>Waits for a global permit, then takes it together with the destination's.</summary>
    public async Task AcquireAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        while (!TryAcquire(chat, out var wait))
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Takes the global and the destination's permits when the global one is free; else says how long to wait.</summary>
    public bool TryAcquire(ChatAddress chat, out TimeSpan wait)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            wait = global.WaitTime(now);
            if (wait > TimeSpan.Zero)
            {
                return false;
            }

            global.Take(now);
            var gates = Gates(chat);
            gates.PerSecond.Take(now);
            gates.PerMinute.Take(now);
            TrimIdle(now);
            return true;
        }
    }

    /// <summary>A 429 about one destination: only that destination waits.</summary>
    public void PauseDestination(ChatAddress chat, TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            var gates = Gates(chat);
            gates.PerSecond.Pause(until);
            gates.PerMinute.Pause(until);
        }
    }

    /// <summary>A 429 about the whole bot: every send waits.</summary>
    public void PauseGlobal(TimeSpan retryAfter)
    {
        lock (gate)
        {
            global.Pause(time.GetUtcNow() + retryAfter);
        }
    }

    private DestinationGates Gates(ChatAddress chat)
    {
        if (!destinations.TryGetValue(chat, out var gates))
        {
            var perMinute = limits.IsGroup(chat) ? limits.PerGroupPerMinute : 0;
            var burst = Math.Max(1, (int)(perMinute / 4));
            gates = new DestinationGates(
                new RateGate(limits.PerChatPerSecond * safety),
                perMinute > 0 ? new RateGate(Math.Max(perMinute - burst, 1) / 60 * safety, burst) : new RateGate(0));
            destinations[chat] = gates;
        }

        return gates;
    }

    private void TrimIdle(DateTimeOffset now)
    {
        // Keeps memory flat with 100,000 destinations: state is only needed while a gate is still counting.
        if (now - lastTrim < TimeSpan.FromSeconds(30) || destinations.Count < 1024)
        {
            return;
        }

        lastTrim = now;
        foreach (var (chat, gates) in destinations.ToList())
        {
            if (gates.PerSecond.IsIdle(now) && gates.PerMinute.IsIdle(now))
            {
                destinations.Remove(chat);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record DestinationGates(RateGate PerSecond, RateGate PerMinute);
}
