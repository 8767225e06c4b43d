namespace UpdateBot.Core.Storage;

/// <summary>
/// Narrows the destinations of a change's fan-out. Without a scope a change goes to every destination subscribed to
/// its source (every destination with an active subscription, for a breaking entry); a scope only ever takes
/// destinations away, never adds one without an active subscription.
/// </summary>
public sealed record DeliveryScope
{
    private DeliveryScope(IReadOnlyList<string>? homePlaces, bool alreadyReachedOnly)
    {
        HomePlaces = homePlaces;
        AlreadyReachedOnly = alreadyReachedOnly;
    }

    /// <summary>
    /// When set: only destinations whose chat's home place (the name /home stored, e.g. "Leeds, GB") is one of these.
    /// Chats without a home place are left out. An empty list reaches nobody.
    /// </summary>
    public IReadOnlyList<string>? HomePlaces { get; }

    /// <summary>Only destinations the entry already reached (a message was delivered) or is still queued for.</summary>
    public bool AlreadyReachedOnly { get; }

    /// <summary>Edits and withdrawals of an entry follow it only into the chats it reached.</summary>
    public static DeliveryScope AlreadyReached { get; } = new(null, alreadyReachedOnly: true);

    public static DeliveryScope WithHomePlaceIn(IEnumerable<string> homePlaces)
    {
        ArgumentNullException.ThrowIfNull(homePlaces);
        return new DeliveryScope([.. homePlaces.Distinct(StringComparer.Ordinal)], alreadyReachedOnly: false);
    }
}
