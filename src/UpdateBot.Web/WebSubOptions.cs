using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Web;

/// <summary>WebSub subscriber settings (UpdateBot:Web:WebSub). Needs <see cref="WebOptions.PublicBaseUrl"/>.</summary>
public sealed class WebSubOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Lease asked of hubs (hub.lease_seconds), default 10 days; hubs may grant less.</summary>
    [Range(60, 365 * 24 * 3600)]
    public int LeaseSeconds { get; set; } = 10 * 24 * 3600;

    /// <summary>How often subscriptions are checked for renewal and retries.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a hub has to verify a subscription request before it is sent again.</summary>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait after a failed subscription request; doubles per failure up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
