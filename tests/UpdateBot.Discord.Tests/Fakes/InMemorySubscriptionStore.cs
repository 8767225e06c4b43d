using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>A hand-written in-memory subscription store.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly List<Subscription> subscriptions = [];

    public IReadOnlyList<Subscription> All
    {
        get
        {
            lock (subscriptions)
            {
                return subscriptions.ToList();
            }
        }
    }

    public Task<bool> SubscribeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (subscriptions)
        {
            var removed = subscriptions.RemoveAll(s => s.Chat == subscription.Chat && s.SourceName == subscription.SourceName);
            subscriptions.Add(subscription);
            return Task.FromResult(removed == 0);
        }
    }

    public Task<int> UnsubscribeAsync(ChatAddress chat, string? sourceName, CancellationToken cancellationToken)
    {
        lock (subscriptions)
        {
            return Task.FromResult(subscriptions.RemoveAll(s => s.Chat == chat && (sourceName is null || s.SourceName == sourceName)));
        }
    }

    public Task<IReadOnlyList<Subscription>> GetForChatAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        lock (subscriptions)
        {
            return Task.FromResult<IReadOnlyList<Subscription>>(subscriptions.Where(s => s.Chat == chat).ToList());
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        lock (subscriptions)
        {
            return Task.FromResult(subscriptions.Count);
        }
    }

    public Task SetPausedAsync(ChatAddress chat, string? reason, CancellationToken cancellationToken)
    {
        lock (subscriptions)
        {
            for (var i = 0; i < subscriptions.Count; i++)
            {
                if (subscriptions[i].Chat == chat)
                {
                    subscriptions[i] = subscriptions[i] with { PausedReason = reason };
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken)
    {
        lock (subscriptions)
        {
            for (var i = 0; i < subscriptions.Count; i++)
            {
                if (subscriptions[i].Chat == from)
                {
                    subscriptions[i] = subscriptions[i] with { Chat = to };
                }
            }
        }

        return Task.CompletedTask;
    }
}
