using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>No deliveries pending anywhere.</summary>
public sealed class EmptyDeliveryBacklog : IDeliveryBacklog
{
    public Task<long> PendingForAsync(ChatAddress chat, CancellationToken cancellationToken) => Task.FromResult(0L);
}
