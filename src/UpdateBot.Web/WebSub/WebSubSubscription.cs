namespace UpdateBot.Web.WebSub;

/// <summary>
/// The bot's subscription of one source at one hub. The callback id (in the callback URL) and the secret are random
/// per subscription; they live in memory only, so after a restart the bot subscribes afresh.
/// </summary>
internal sealed class WebSubSubscription
{
    public required string SourceName { get; init; }

    public required Uri Topic { get; init; }

    public required Uri Hub { get; init; }

    public required string CallbackId { get; init; }

    public required string Secret { get; init; }

    /// <summary>When the last (un)subscription request went out; null when none awaits verification.</summary>
    public DateTimeOffset? RequestedAt { get; set; }

    /// <summary>When the verified lease ends; null until the hub verified the subscription.</summary>
    public DateTimeOffset? LeaseExpires { get; set; }

    /// <summary>When the lease should be renewed (most of the way through it).</summary>
    public DateTimeOffset? RenewAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Failures { get; set; }

    public string? LastError { get; set; }

    public bool Denied { get; set; }
}
