using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>
/// The platform as seen by a process killed in the middle of a send: the call goes out and nothing ever comes back,
/// not even to cancellation, so the caller never learns how it went and does nothing more.
/// </summary>
public sealed class UnansweringChatPlatform(string name = "telegram") : IChatPlatform
{
    private readonly TaskCompletionSource called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;

    public PlatformLimits Limits => PlatformLimits.Unlimited;

    /// <summary>Completes at the first call.</summary>
    public Task Called => called.Task;

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken) => Hang();

    public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken) => Hang();

    public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Hang();

    private Task<SendResult> Hang()
    {
        called.TrySetResult();
        return new TaskCompletionSource<SendResult>().Task;
    }
}
