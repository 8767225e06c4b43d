using UpdateBot.Core.Chats;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Storage;

public interface ISubscriptionStore
{
    /// <summary>Adds or replaces the chat's subscription to the source; true when it is new.</summary>
    Task<bool> SubscribeAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes the chat's subscription to a source, or all of them when <paramref name="sourceName"/> is null.</summary>
    Task<int> UnsubscribeAsync(ChatAddress chat, string? sourceName, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> GetForChatAsync(ChatAddress chat, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Stops (reason non-null) or resumes (null) every subscription of a chat.</summary>
    Task SetPausedAsync(ChatAddress chat, string? reason, CancellationToken cancellationToken);

    /// <summary>Moves every subscription and pending delivery of a chat to a new address (Telegram group migration).</summary>
    Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken);
}
