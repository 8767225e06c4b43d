using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Delivery;

/// <summary>
/// One persisted unit of delivery: an entry version to show (or edit, or delete) in one chat.
/// Created with the timeline change that caused it, before anything is sent.
/// </summary>
public sealed record DeliveryJob
{
    public required long Id { get; init; }

    public required ChatAddress Chat { get; init; }

    public required string SourceName { get; init; }

    public required string EntryId { get; init; }

    public required ChangeKind Change { get; init; }

    /// <summary>Breaking entries are claimed ahead of routine ones.</summary>
    public bool Breaking { get; init; }

    /// <summary>The entry's content hash when the job was created.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Claims of this job so far, this one included.</summary>
    public int Attempts { get; init; }

    /// <summary>Jobs waiting for this destination when the job was claimed, this one included.</summary>
    public int Backlog { get; init; } = 1;

    /// <summary>Stable across retries and restarts: platforms that deduplicate (Discord's nonce) use it.</summary>
    public string IdempotencyKey => $"ub{Id}";
}
