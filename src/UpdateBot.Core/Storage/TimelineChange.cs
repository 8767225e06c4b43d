using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Storage;

/// <summary>
/// One change to the timeline. When <see cref="Deliver"/> is true the store creates a delivery job for every
/// destination subscribed to the entry's source in the same transaction as the change itself, narrowed by
/// <see cref="Scope"/> when one is given.
/// </summary>
public sealed record TimelineChange(ChangeKind Kind, Entry Entry, bool Deliver)
{
    /// <summary>Which destinations get a delivery job; null for every subscribed one.</summary>
    public DeliveryScope? Scope { get; init; }
}
