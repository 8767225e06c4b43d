using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace UpdateBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits: buckets learnt from X-RateLimit-* headers and keyed by (bucket, major parameter),
/// the global 50 requests/s (interaction endpoints exempt), and pauses set by 429s. All waits use the TimeProvider.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    public const int GlobalPerSecond = 50;

    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<string, string> routeBuckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly Lock globalLock = new();
    private DateTimeOffset globalPausedUntil;
    private int inFlight;
    private TaskCompletionSource slotReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RateLimitBucket BucketFor(RouteKey key)
    {
        var hash = routeBuckets.TryGetValue(key.Route, out var known) ? known : key.Route;
        return buckets.GetOrAdd(hash + "|" + key.Major, _ => new RateLimitBucket());
    }

    /// <summary>How long a request on <paramref name="bucket"/> would wait now (bucket and global pause).</summary>
    public TimeSpan WaitFor(RateLimitBucket bucket, bool exemptFromGlobal)
    {
        var now = time.GetUtcNow();
        var ready = bucket.ReadyAt(now);
        if (!exemptFromGlobal)
        {
            lock (globalLock)
            {
                if (globalPausedUntil > ready)
                {
                    ready = globalPausedUntil;
                }
            }
        }

        return ready - now;
    }

    /// <summary>
    /// Takes a slot of the global 50/s, waiting for one when the last second is full. A slot counts from the moment
    /// its answer arrived (or as taken while in flight): Discord saw the request somewhere between sending and
    /// answering, so this is the safe reading of its window.
    /// </summary>
    public async Task TakeGlobalSlotAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            Task released;
            lock (globalLock)
            {
                var now = time.GetUtcNow();
                while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromSeconds(1))
                {
                    recent.Dequeue();
                }

                if (globalPausedUntil > now)
                {
                    wait = globalPausedUntil - now;
                }
                else if (inFlight + recent.Count < GlobalPerSecond)
                {
                    inFlight++;
                    return;
                }
                else
                {
                    wait = recent.Count > 0 ? recent.Peek() + TimeSpan.FromSeconds(1) - now : Timeout.InfiniteTimeSpan;
                }

                released = slotReleased.Task;
            }

            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait, time, waiting.Token);
            await Task.WhenAny(delay, released.WaitAsync(cancellationToken));
            await waiting.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TakeGlobalSlotAsync"/> once the answer (or failure) is in.</summary>
    public void ReleaseGlobalSlot()
    {
        TaskCompletionSource signal;
        lock (globalLock)
        {
            inFlight--;
            recent.Enqueue(time.GetUtcNow());
            signal = slotReleased;
            slotReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>Learns from a response's headers (a 429's own pause comes from its retry_after, without margin).</summary>
    public void Learn(RouteKey key, RateLimitBucket bucket, HttpResponseHeaders headers, bool rateLimited)
    {
        var now = time.GetUtcNow();
        var hash = Header(headers, "X-RateLimit-Bucket");
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (remaining is not null && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            && resetAfter is not null && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds >= 0)
        {
            // A small margin covers the header's millisecond rounding and the trip to Discord.
            var resetAt = now + TimeSpan.FromSeconds(Math.Min(seconds, 3600)) + (rateLimited ? TimeSpan.Zero : ResetMargin);
            Apply(bucket, left, resetAt);
            if (hash is not null)
            {
                routeBuckets[key.Route] = hash;
                var shared = buckets.GetOrAdd(hash + "|" + key.Major, _ => new RateLimitBucket());
                if (!ReferenceEquals(shared, bucket))
                {
                    Apply(shared, left, resetAt);
                }
            }
        }
    }

    public void PauseBucket(RouteKey key, RateLimitBucket bucket, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        bucket.PausedUntil = until;
        if (routeBuckets.TryGetValue(key.Route, out var hash) && buckets.TryGetValue(hash + "|" + key.Major, out var shared))
        {
            shared.PausedUntil = until;
        }
    }

    public void PauseGlobal(TimeSpan retryAfter)
    {
        lock (globalLock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > globalPausedUntil)
            {
                globalPausedUntil = until;
            }
        }
    }

    private static void Apply(RateLimitBucket bucket, int remaining, DateTimeOffset resetAt)
    {
        bucket.Remaining = remaining;
        bucket.ResetAt = resetAt;
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
