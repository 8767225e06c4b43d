using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;

namespace UpdateBot.Web.Tests.Fakes;

/// <summary>Only counts are read by the web part; everything else is out of its reach.</summary>
public sealed class FakeDeliveryQueue : IDeliveryQueue
{
    public Dictionary<string, DeliveryCounts> Counts { get; } = [];

    public Task<DeliveryCounts> CountAsync(string? platform, CancellationToken cancellationToken) =>
        Task.FromResult(platform is not null && Counts.TryGetValue(platform, out var c) ? c : new DeliveryCounts(0, 0, 0));

    public Task<IReadOnlyList<DeliveryJob>> ClaimAsync(string platform, string owner, int maxDestinations, TimeSpan lease, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<DeliveryJob>> ClaimBacklogAsync(ChatAddress chat, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CompleteAsync(DeliveryJob job, string owner, IReadOnlyList<string>? messageIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CompleteBatchAsync(IReadOnlyList<DeliveryJob> jobs, string owner, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task RetryAsync(long jobId, string owner, DateTimeOffset notBefore, string? error, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task FailAsync(long jobId, string owner, string error, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DeliveredMessages?> GetDeliveredAsync(ChatAddress chat, string sourceName, string entryId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DateTimeOffset?> NextDueAsync(string platform, CancellationToken cancellationToken) => throw new NotSupportedException();
}
