using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Storage;

/// <summary>How many deliveries wait for one chat: its place in the queue, for /status.</summary>
public interface IDeliveryBacklog
{
    Task<long> PendingForAsync(ChatAddress chat, CancellationToken cancellationToken);
}
