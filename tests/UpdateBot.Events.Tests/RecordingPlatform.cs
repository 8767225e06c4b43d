using System.Collections.Concurrent;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Events.Tests;

/// <summary>A hand-written chat platform: records every send (and its answer) and answers from a script (default: sent).</summary>
internal sealed class RecordingPlatform(string name = "test") : IChatPlatform
{
    private int sent;

    public string Name => name;

    public PlatformLimits Limits => PlatformLimits.Unlimited;

    public ConcurrentQueue<(ChatAddress Chat, string Text, string Key, SendOutcome Outcome)> Sends { get; } = new();

    /// <summary>The answer to the n-th send (from 0); null means "sent". May throw, as a failing HTTP call does.</summary>
    public Func<int, SendResult?> Script { get; set; } = _ => null;

    /// <summary>The texts of the sends that succeeded, in order.</summary>
    public IReadOnlyList<string> Delivered => [.. Sends.Where(s => s.Outcome == SendOutcome.Sent).Select(s => s.Text)];

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref sent) - 1;
        var text = string.Join("\n", message.Body.Select(p => p.PlainText));
        SendResult result;
        try
        {
            result = Script(n) ?? SendResult.Sent([n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        catch
        {
            Sends.Enqueue((chat, text, idempotencyKey, SendOutcome.Transient));
            throw;
        }

        Sends.Enqueue((chat, text, idempotencyKey, result.Outcome));
        return Task.FromResult(result);
    }

    public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Reminders are only sent.");

    public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Reminders are only sent.");
}
