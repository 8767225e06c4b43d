using UpdateBot.Core.Messages;

namespace UpdateBot.Core.Chats;

/// <summary>
/// A chat platform the bot writes to (Telegram, Discord, the console). Implementations render
/// <see cref="OutgoingMessage"/> with every text escaped and no mention able to ping; they make one
/// request per call and never retry on their own: the delivery engine decides when to try again.
/// </summary>
public interface IChatPlatform
{
    /// <summary>Platform name used in <see cref="ChatAddress.Platform"/>: "telegram", "discord", "console".</summary>
    string Name { get; }

    /// <summary>The platform's rate ceilings, for the delivery scheduler.</summary>
    PlatformLimits Limits { get; }

    /// <summary>
    /// Sends a message (several platform messages when it must be split). <paramref name="idempotencyKey"/> is stable
    /// across retries of the same job, so platforms that can deduplicate (Discord's nonce) do.
    /// </summary>
    Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Replaces the content of messages sent earlier for the same entry.</summary>
    Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Deletes messages sent earlier.</summary>
    Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken);
}
