namespace UpdateBot.Discord.Rest;

/// <summary>
/// Counts 401/403/429 answers over 10 minutes (Discord bans an IP at 10,000) and destinations that keep refusing us,
/// so the client stops asking long before a ban.
/// </summary>
internal sealed class InvalidRequestBudget(TimeProvider time, int limit)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const int StrikesToStop = 3;

    private readonly Queue<DateTimeOffset> invalid = new();
    private readonly Dictionary<string, (int Strikes, DateTimeOffset Last, RestResponse Answer)> destinations = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                Prune();
                return invalid.Count;
            }
        }
    }

    public bool Exhausted => Count >= limit;

    public void RecordInvalid()
    {
        lock (gate)
        {
            Prune();
            invalid.Enqueue(time.GetUtcNow());
        }
    }

    /// <summary>A destination refused us (403, unknown channel); after a few strikes we stop asking it for a while.</summary>
    public void Strike(string major, RestResponse answer)
    {
        if (major.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            var strikes = destinations.TryGetValue(major, out var entry) && time.GetUtcNow() - entry.Last < Window ? entry.Strikes + 1 : 1;
            destinations[major] = (strikes, time.GetUtcNow(), answer);
        }
    }

    public void Clear(string major)
    {
        if (major.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            destinations.Remove(major);
        }
    }

    /// <summary>The refusal to repeat without asking Discord, when the destination is stopped.</summary>
    public RestResponse? Stopped(string major)
    {
        lock (gate)
        {
            if (major.Length > 0 && destinations.TryGetValue(major, out var entry) && entry.Strikes >= StrikesToStop)
            {
                if (time.GetUtcNow() - entry.Last < Window)
                {
                    return entry.Answer with { Outcome = RestOutcome.Refused };
                }

                destinations.Remove(major);
            }

            return null;
        }
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        while (invalid.Count > 0 && now - invalid.Peek() >= Window)
        {
            invalid.Dequeue();
        }
    }
}
