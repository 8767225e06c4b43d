using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Delivery;

/// <summary>
/// The persisted outbox of delivery jobs. Jobs are claimed with a lease: a worker that dies loses its claims when the
/// lease expires (or at once when the same owner starts again), so nothing is lost and only jobs in flight can be sent
/// twice. At most one job per destination is claimed at a time, always the destination's head (breaking first, then
/// in creation order), so each chat sees its entries in order.
/// </summary>
public interface IDeliveryQueue
{
    /// <summary>
    /// Claims the head job of up to <paramref name="maxDestinations"/> destinations of a platform that have no job in
    /// flight and are due, oldest first (breaking ahead of routine).
    /// </summary>
    Task<IReadOnlyList<DeliveryJob>> ClaimAsync(string platform, string owner, int maxDestinations, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Claims every pending job of one destination (for a digest), in delivery order.</summary>
    Task<IReadOnlyList<DeliveryJob>> ClaimBacklogAsync(ChatAddress chat, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a job done. Message ids, when given, are remembered for the entry in that chat (replacing earlier ones);
    /// a completed removal forgets them.
    /// </summary>
    Task CompleteAsync(DeliveryJob job, string owner, IReadOnlyList<string>? messageIds, CancellationToken cancellationToken);

    /// <summary>Marks several jobs done at once (a digest stood in for them), in one transaction.</summary>
    Task CompleteBatchAsync(IReadOnlyList<DeliveryJob> jobs, string owner, CancellationToken cancellationToken);

    /// <summary>Gives a claimed job back, due again at <paramref name="notBefore"/>.</summary>
    Task RetryAsync(long jobId, string owner, DateTimeOffset notBefore, string? error, CancellationToken cancellationToken);

    /// <summary>Gives up a job for good (the platform rejected it).</summary>
    Task FailAsync(long jobId, string owner, string error, CancellationToken cancellationToken);

    /// <summary>Releases every lease held by <paramref name="owner"/>: a restarted instance takes back its own claims at once.</summary>
    Task<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken);

    /// <summary>The messages that show an entry in a chat, when it was sent there.</summary>
    Task<DeliveredMessages?> GetDeliveredAsync(ChatAddress chat, string sourceName, string entryId, CancellationToken cancellationToken);

    /// <summary>When the platform's next job becomes due (null when none is pending), for idle waiting.</summary>
    Task<DateTimeOffset?> NextDueAsync(string platform, CancellationToken cancellationToken);

    Task<DeliveryCounts> CountAsync(string? platform, CancellationToken cancellationToken);
}
