using System.Diagnostics.CodeAnalysis;
using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Delivery;

/// <summary>
/// The rate limits of one platform, from <see cref="IChatPlatform.Limits"/>: a global gate, and per destination a
/// per-second gate and, for groups (<see cref="PlatformLimits.IsGroup"/>), a per-minute gate with a burst of a quarter
/// of the limit. A 429 pauses exactly the gate it concerns. Thread-safe.
/// </summary>
/// <remarks>
/// The global gate paces permits; a second guard counts sends as the platform's one-second window does. The platform
/// sees a request somewhere between its start and its answer, so a send counts from its start until one second after
/// its answer: no more than the ceiling may be in flight or answered within the last second. Network jitter that
/// bunches paced requests together on arrival can then never make a full window overflow.
/// </remarks>
public sealed class PlatformScheduler
{
    private readonly Lock gate = new();
    private readonly PlatformLimits limits;
    private readonly double safety;
    private readonly TimeProvider time;
    private readonly RateGate global;
    private readonly Dictionary<ChatAddress, DestinationGates> destinations = [];
    private readonly Queue<DateTimeOffset> answered = new();
    private readonly int windowCeiling;
    private int inFlight;
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
        windowCeiling = limits.GlobalPerSecond > 0 ? Math.Max(1, (int)Math.Floor(limits.GlobalPerSecond)) : int.MaxValue;
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

    /// <summary>
    /// Waits for a global permit, then takes it together with the destination's. Dispose the permit when the platform
    /// answered (or the call failed): until then the send counts as in flight.
    /// </summary>
    public async Task<SendPermit> AcquireAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        SendPermit? permit;
        while (!TryStart(chat, out var wait, out permit))
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        return permit;
    }

    /// <summary>Takes a permit for a send answered at once; else says how long to wait.</summary>
    public bool TryAcquire(ChatAddress chat, out TimeSpan wait)
    {
        if (!TryStart(chat, out wait, out var permit))
        {
            return false;
        }

        permit.Dispose();
        return true;
    }

    /// <summary>Takes the global and the destination's permits when both guards allow it; else says how long to wait.</summary>
    public bool TryStart(ChatAddress chat, out TimeSpan wait, [NotNullWhen(true)] out SendPermit? permit)
    {
        permit = null;
        lock (gate)
        {
            var now = time.GetUtcNow();
            wait = Max(global.WaitTime(now), WindowWait(now));
            if (wait > TimeSpan.Zero)
            {
                return false;
            }

            global.Take(now);
            var gates = Gates(chat);
            gates.PerSecond.Take(now);
            gates.PerMinute.Take(now);
            inFlight++;
            TrimIdle(now);
            permit = new SendPermit(this);
            return true;
        }
    }

    internal void Answered()
    {
        lock (gate)
        {
            inFlight--;
            if (windowCeiling != int.MaxValue)
            {
                answered.Enqueue(time.GetUtcNow());
            }
        }
    }

    private TimeSpan WindowWait(DateTimeOffset now)
    {
        while (answered.Count > 0 && now - answered.Peek() >= TimeSpan.FromSeconds(1))
        {
            answered.Dequeue();
        }

        if (inFlight + answered.Count < windowCeiling)
        {
            return TimeSpan.Zero;
        }

        // Everything counted may still be in flight: look again shortly.
        return answered.Count > 0 ? answered.Peek() + TimeSpan.FromSeconds(1) - now : TimeSpan.FromMilliseconds(5);
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
