using System.Globalization;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.ConsoleChat;

/// <summary>The terminal as a chat platform: entries are printed as they would appear in a chat.</summary>
internal sealed class ConsolePlatform(ConsoleStreams streams) : IChatPlatform
{
    public const string PlatformName = "console";

    public static ChatAddress Chat { get; } = new(PlatformName, "local");

    private long nextId;

    public string Name => PlatformName;

    public PlatformLimits Limits => PlatformLimits.Unlimited;

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        streams.Write(ConsoleRenderer.Render(message));
        var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(SendResult.Sent([id]));
    }

    public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken)
    {
        streams.Write("(edited) " + ConsoleRenderer.Render(message));
        return Task.FromResult(SendResult.Sent(messageIds));
    }

    public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        streams.Write($"(message {string.Join(", ", messageIds)} deleted)\n\n");
        return Task.FromResult(SendResult.Sent(messageIds));
    }
}
