using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Web.Tests.Fakes;

/// <summary>A platform that only has a name: the web part never sends.</summary>
public sealed class NamedChatPlatform(string name) : IChatPlatform
{
    public string Name => name;

    public PlatformLimits Limits => PlatformLimits.Unlimited;

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
