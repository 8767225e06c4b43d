using System.Collections.Concurrent;
using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Commands;

/// <summary>
/// Per-user command pacing: a few commands in a burst, then one every couple of seconds. Keeps one user from
/// flooding a group or the bot's platform budget.
/// </summary>
public sealed class CommandCooldown(TimeProvider time)
{
    public const int Burst = 5;
    public static readonly TimeSpan Refill = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<UserRef, (double Tokens, DateTimeOffset At)> buckets = new();

    /// <summary>True when the user may run a command now; otherwise how long to wait.</summary>
    public bool TryTake(UserRef user, out TimeSpan wait)
    {
        var now = time.GetUtcNow();
        var allowed = false;
        var result = buckets.AddOrUpdate(
            user,
            _ =>
            {
                allowed = true;
                return (Burst - 1, now);
            },
            (_, bucket) =>
            {
                var tokens = Math.Min(Burst, bucket.Tokens + ((now - bucket.At) / Refill));
                allowed = tokens >= 1;
                return (allowed ? tokens - 1 : tokens, now);
            });
        wait = allowed ? TimeSpan.Zero : Refill * (1 - result.Tokens);
        if (buckets.Count > 10_000)
        {
            foreach (var stale in buckets.Where(b => now - b.Value.At > Refill * Burst).Select(b => b.Key).ToList())
            {
                buckets.TryRemove(stale, out _);
            }
        }

        return allowed;
    }
}
