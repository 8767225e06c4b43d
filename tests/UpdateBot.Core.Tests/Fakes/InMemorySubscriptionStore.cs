using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Tests.Fakes;

internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    public List<Subscription> Subscriptions { get; } = [];

    public Task<bool> SubscribeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var removed = Subscriptions.RemoveAll(s => s.Chat == subscription.Chat && s.SourceName == subscription.SourceName);
        Subscriptions.Add(subscription);
        return Task.FromResult(removed == 0);
    }

    public Task<int> UnsubscribeAsync(ChatAddress chat, string? sourceName, CancellationToken cancellationToken) =>
        Task.FromResult(Subscriptions.RemoveAll(s => s.Chat == chat && (sourceName is null || s.SourceName == sourceName)));

    public Task<IReadOnlyList<Subscription>> GetForChatAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Subscription>>(Subscriptions.Where(s => s.Chat == chat).ToList());

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Subscriptions.Count);

    public Task SetPausedAsync(ChatAddress chat, string? reason, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Subscriptions.Count; i++)
        {
            if (Subscriptions[i].Chat == chat)
            {
                Subscriptions[i] = Subscriptions[i] with { PausedReason = reason };
            }
        }

        return Task.CompletedTask;
    }

    public Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Subscriptions.Count; i++)
        {
            if (Subscriptions[i].Chat == from)
            {
                Subscriptions[i] = Subscriptions[i] with { Chat = to };
            }
        }

        return Task.CompletedTask;
    }
}
