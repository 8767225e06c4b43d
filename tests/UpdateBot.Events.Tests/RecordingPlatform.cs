using System.Collections.Concurrent;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Events.Tests;

/// <summary>A hand-written chat platform: records every send (and its answer) and answers from a script (default: sent).</summary>
internal sealed class RecordingPlatform(string name = "test") : IChatPlatform
{
    private int sent;
    private int died;

    public string Name => name;

    public PlatformLimits Limits => PlatformLimits.Unlimited;

    public ConcurrentQueue<(ChatAddress Chat, string Text, string Key, SendOutcome Outcome)> Sends { get; } = new();

    /// <summary>The answer to the n-th send (from 0); null means "sent". May throw, as a failing HTTP call does.</summary>
    public Func<int, SendResult?> Script { get; set; } = _ => null;

    /// <summary>
    /// Whether the n-th send (from 0) never answers, not even to cancellation: the process was killed mid-send. It is
    /// counted in <see cref="Died"/>, not in <see cref="Sends"/>.
    /// </summary>
    public Func<int, bool> Dies { get; set; } = _ => false;

    /// <summary>Whether the n-th send (from 0) answers only by being cancelled (recorded as transient).</summary>
    public Func<int, bool> Stalls { get; set; } = _ => false;

    /// <summary>How many sends were started, answered or not.</summary>
    public int Started => Volatile.Read(ref sent);

    /// <summary>How many sends never answered (<see cref="Dies"/>).</summary>
    public int Died => Volatile.Read(ref died);

    /// <summary>The texts of the sends that succeeded, in order.</summary>
    public IReadOnlyList<string> Delivered => [.. Sends.Where(s => s.Outcome == SendOutcome.Sent).Select(s => s.Text)];

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref sent) - 1;
        var text = string.Join("\n", message.Body.Select(p => p.PlainText));
        if (Dies(n))
        {
            Interlocked.Increment(ref died);
            return new TaskCompletionSource<SendResult>().Task;
        }

        if (Stalls(n))
        {
            return StallAsync(chat, text, idempotencyKey, cancellationToken);
        }

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

    private async Task<SendResult> StallAsync(ChatAddress chat, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("An endless wait ended.");
        }
        finally
        {
            Sends.Enqueue((chat, text, idempotencyKey, SendOutcome.Transient));
        }
    }

    public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Reminders are only sent.");

    public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Reminders are only sent.");
}
