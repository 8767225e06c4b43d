namespace UpdateBot.Core.Subscriptions;

/// <summary>Structured filters only: keywords and a place radius. No user-supplied regular expressions.</summary>
public sealed record SubscriptionFilter
{
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string? NearPlace { get; init; }

    public double? RadiusKm { get; init; }

    public static SubscriptionFilter None { get; } = new();

    public bool IsEmpty => Keywords.Count == 0 && NearPlace is null;
}
