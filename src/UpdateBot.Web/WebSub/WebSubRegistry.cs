using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Operations;

namespace UpdateBot.Web.WebSub;

/// <summary>
/// The wanted and actual WebSub subscriptions, one per source. The watcher reports hubs (<see cref="Observe"/>),
/// the subscriber takes due requests, the callback endpoint records verifications.
/// </summary>
internal sealed class WebSubRegistry(IOptions<WebOptions> options, TimeProvider time) : IWebSubSubscriptions, IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, WebSubSubscription> bySource = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WebSubSubscription> retiring = [];
    private readonly SemaphoreSlim wake = new(0);

    public bool Enabled =>
        options.Value.Enabled && options.Value.WebSub.Enabled && !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    public void Observe(string sourceName, string topicUrl, string? hubUrl)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(sourceName))
        {
            return;
        }

        var topic = HttpUri(topicUrl);
        var hub = HttpUri(hubUrl);
        lock (gate)
        {
            bySource.TryGetValue(sourceName, out var current);
            if (current is not null && hub is not null && topic is not null && current.Hub == hub && current.Topic == topic)
            {
                return;
            }

            if (current is not null)
            {
                bySource.Remove(sourceName);
                if (current.LeaseExpires is not null)
                {
                    current.RequestedAt = null;
                    current.NextAttemptAt = time.GetUtcNow();
                    retiring.Add(current);
                }
            }

            if (hub is not null && topic is not null)
            {
                bySource[sourceName] = new WebSubSubscription
                {
                    SourceName = sourceName,
                    Topic = topic,
                    Hub = hub,
                    CallbackId = RandomHex(16),
                    Secret = RandomHex(32),
                    NextAttemptAt = time.GetUtcNow(),
                };
            }
        }

        wake.Release();
    }

    public bool IsActive(string sourceName)
    {
        lock (gate)
        {
            return bySource.TryGetValue(sourceName, out var s) && s.LeaseExpires > time.GetUtcNow();
        }
    }

    public string CallbackUrl(WebSubSubscription subscription) =>
        options.Value.PublicBaseUrl!.TrimEnd('/') + "/websub/" + subscription.CallbackId;

    /// <summary>Waits until something was observed or <paramref name="interval"/> passed.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await wake.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The requests due now; each is marked as requested before it is sent (hubs may verify at once).</summary>
    public IReadOnlyList<WebSubRequest> TakeDue()
    {
        var now = time.GetUtcNow();
        var verifyTimeout = options.Value.WebSub.VerifyTimeout;
        var due = new List<WebSubRequest>();
        lock (gate)
        {
            foreach (var s in bySource.Values)
            {
                var awaiting = s.RequestedAt is { } at && now - at < verifyTimeout;
                var wanted = s.LeaseExpires is null || now >= s.RenewAt || now >= s.LeaseExpires;
                if (!awaiting && wanted && now >= s.NextAttemptAt)
                {
                    s.RequestedAt = now;
                    due.Add(new WebSubRequest("subscribe", s));
                }
            }

            foreach (var s in retiring)
            {
                var awaiting = s.RequestedAt is { } at && now - at < verifyTimeout;
                if (!awaiting && now >= s.NextAttemptAt)
                {
                    s.RequestedAt = now;
                    due.Add(new WebSubRequest("unsubscribe", s));
                }
            }

            // A subscription whose lease ran out while unsubscribing needs no more requests.
            retiring.RemoveAll(s => s.LeaseExpires <= now);
        }

        return due;
    }

    /// <summary>The hub did not accept a request: try again later, waiting longer each time.</summary>
    public TimeSpan RequestFailed(WebSubSubscription subscription, string reason)
    {
        lock (gate)
        {
            subscription.Failures++;
            subscription.LastError = reason;
            subscription.RequestedAt = null;
            var delay = options.Value.WebSub.RetryDelay * Math.Pow(2, Math.Min(subscription.Failures - 1, 10));
            if (delay > MaxRetryDelay)
            {
                delay = MaxRetryDelay;
            }

            subscription.NextAttemptAt = time.GetUtcNow() + delay;
            return delay;
        }
    }

    /// <summary>
    /// A hub's verification of intent: true when this callback asked for exactly this mode and topic, which makes
    /// a subscription active (for the granted lease) or ends a retired one.
    /// </summary>
    public bool Verify(string callbackId, string mode, string? topic, int? leaseSeconds, out string sourceName, out string reason)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var subscription = mode == "subscribe"
                ? bySource.Values.FirstOrDefault(s => s.CallbackId == callbackId)
                : retiring.FirstOrDefault(s => s.CallbackId == callbackId);
            sourceName = subscription?.SourceName ?? "";
            if (subscription is null)
            {
                reason = "unknown callback for this mode";
                return false;
            }

            if (!SameTopic(subscription.Topic, topic))
            {
                reason = "topic does not match";
                return false;
            }

            if (subscription.RequestedAt is null)
            {
                reason = "no request of ours is awaiting verification";
                return false;
            }

            if (mode == "unsubscribe")
            {
                retiring.Remove(subscription);
                reason = "";
                return true;
            }

            var lease = TimeSpan.FromSeconds(leaseSeconds is > 0 ? leaseSeconds.Value : options.Value.WebSub.LeaseSeconds);
            subscription.LeaseExpires = now + lease;
            subscription.RenewAt = now + (lease * 0.8);
            subscription.RequestedAt = null;
            subscription.Failures = 0;
            subscription.LastError = null;
            subscription.Denied = false;
            reason = "";
            return true;
        }
    }

    /// <summary>The hub refused (or later cancelled) the subscription: stop counting on push, ask again in an hour.</summary>
    public bool Deny(string callbackId, string? topic, out string sourceName)
    {
        lock (gate)
        {
            var subscription = bySource.Values.FirstOrDefault(s => s.CallbackId == callbackId && SameTopic(s.Topic, topic));
            sourceName = subscription?.SourceName ?? "";
            if (subscription is null)
            {
                return false;
            }

            subscription.Denied = true;
            subscription.LeaseExpires = null;
            subscription.RequestedAt = null;
            subscription.NextAttemptAt = time.GetUtcNow() + MaxRetryDelay;
            return true;
        }
    }

    /// <summary>Where content for a callback goes, if the callback belongs to a verified, unexpired subscription.</summary>
    public PushTarget? FindTarget(string callbackId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var s = bySource.Values.FirstOrDefault(s => s.CallbackId == callbackId);
            return s is not null && s.LeaseExpires > now ? new PushTarget(s.SourceName, s.Topic.AbsoluteUri, s.Secret) : null;
        }
    }

    public void Dispose() => wake.Dispose();

    private static bool SameTopic(Uri expected, string? presented) =>
        Uri.TryCreate(presented, UriKind.Absolute, out var uri) && uri == expected;

    private static Uri? HttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
