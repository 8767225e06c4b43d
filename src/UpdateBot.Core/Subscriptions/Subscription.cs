using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Subscriptions;

/// <summary>A chat's subscription to one source ("*" for all sources).</summary>
public sealed record Subscription
{
    public const string AllSources = "*";

    public required ChatAddress Chat { get; init; }

    public string SourceName { get; init; } = AllSources;

    public SubscriptionFilter Filter { get; init; } = SubscriptionFilter.None;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when the platform refused the bot (blocked, kicked): no more sends until resubscribed.</summary>
    public string? PausedReason { get; init; }

    public bool Paused => PausedReason is not null;

    public bool Covers(string sourceName) =>
        SourceName == AllSources || string.Equals(SourceName, sourceName, StringComparison.OrdinalIgnoreCase);
}
