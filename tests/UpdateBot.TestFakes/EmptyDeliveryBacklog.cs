using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;

namespace UpdateBot.TestFakes;

/// <summary>A hand-written fake of the delivery backlog (needed by /status): nothing is waiting.</summary>
public sealed class EmptyDeliveryBacklog : IDeliveryBacklog
{
    public Task<long> PendingForAsync(ChatAddress chat, CancellationToken cancellationToken) => Task.FromResult(0L);
}
