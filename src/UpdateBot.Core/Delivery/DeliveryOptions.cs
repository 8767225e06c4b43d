using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Core.Delivery;

/// <summary>How the delivery engine works through the outbox (UpdateBot:Delivery).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "UpdateBot:Delivery";

    /// <summary>A chat more than this many entries behind gets one digest message instead of a flood.</summary>
    [Range(1, 10_000)]
    public int DigestThreshold { get; set; } = 20;

    /// <summary>
    /// Sends in flight at once per platform. 1 (default) keeps the crash promise of the issue: after SIGKILL at most
    /// one message is sent twice on platforms without idempotency (Telegram). Higher values hide network latency.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 1;

    /// <summary>
    /// Per-platform override of <see cref="Concurrency"/>. Discord deduplicates a resent message by its nonce, so it
    /// can keep several sends in flight without risking a duplicate after a crash (default: discord = 4).
    /// </summary>
    public IDictionary<string, int> PlatformConcurrency { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["discord"] = 4 };

    /// <summary>Sends in flight at once for a platform.</summary>
    public int ConcurrencyFor(string platform) =>
        Math.Clamp(PlatformConcurrency.TryGetValue(platform, out var value) ? value : Concurrency, 1, 64);

    /// <summary>Destinations claimed from the outbox per round (one job each: round-robin across chats).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim protects a job; a dead instance's claims return to the queue after this.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle worker looks for new jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Share of each documented platform ceiling the scheduler uses, leaving room for timing jitter.</summary>
    [Range(0.1, 1.0)]
    public double RateSafetyFactor { get; set; } = 0.98;

    /// <summary>
    /// Share of each platform's global ceiling this instance may use. The platforms count per bot token, so K instances
    /// sharing one token each take 1/K (e.g. 0.3333 for three); each then keeps its own one-second window under
    /// ⌊ceiling/K⌋, so together they never exceed the ceiling.
    /// </summary>
    [Range(0.01, 1.0)]
    public double InstanceShare { get; set; } = 1;

    /// <summary>First wait after a passing fault; doubled per further failure up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Passing faults in a row after which a job is given up.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>
    /// Names this instance's claims. A restarted instance with the same id takes its claims back at once; several
    /// instances sharing one database must each have their own (default: the machine name).
    /// </summary>
    public string? InstanceId { get; set; }
}
