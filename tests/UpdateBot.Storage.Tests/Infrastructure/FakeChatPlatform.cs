using System.Collections.Concurrent;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>A hand-written chat platform: records every call and answers from a script (default: sent).</summary>
public sealed class FakeChatPlatform(string name = "telegram", PlatformLimits? limits = null) : IChatPlatform
{
    private long nextMessageId = 1000;

    public string Name => name;

    public PlatformLimits Limits { get; } = limits ?? PlatformLimits.Unlimited;

    public ConcurrentQueue<PlatformCall> Calls { get; } = new();

    /// <summary>Decides the answer to a call; null means "sent".</summary>
    public Func<PlatformCall, SendResult?> Script { get; set; } = _ => null;

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        Answer(new PlatformCall("send", chat, message, [], idempotencyKey));

    public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken) =>
        Answer(new PlatformCall("edit", chat, message, messageIds, null));

    public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        Answer(new PlatformCall("delete", chat, null, messageIds, null));

    private Task<SendResult> Answer(PlatformCall call)
    {
        Calls.Enqueue(call);
        var result = Script(call) ?? (call.Kind == "send"
            ? SendResult.Sent([Interlocked.Increment(ref nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture)])
            : SendResult.Sent([]));
        return Task.FromResult(result);
    }
}
