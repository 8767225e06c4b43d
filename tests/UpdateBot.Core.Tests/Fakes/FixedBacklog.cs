using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Tests.Fakes;

internal sealed class FixedBacklog : IDeliveryBacklog
{
    public long Pending { get; set; }

    public Task<long> PendingForAsync(ChatAddress chat, CancellationToken cancellationToken) => Task.FromResult(Pending);
}
