using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.TestFakes;

/// <summary>A hand-written fake of the core's subscription store.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly List<Subscription> subscriptions = [];
    private readonly Lock gate = new();

    public IReadOnlyList<Subscription> All
    {
        get
        {
            lock (gate)
            {
                return subscriptions.ToList();
            }
        }
    }

    public Task<bool> SubscribeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (gate)
        {
            var removed = subscriptions.RemoveAll(s => s.Chat == subscription.Chat && s.SourceName == subscription.SourceName);
            subscriptions.Add(subscription);
            return Task.FromResult(removed == 0);
        }
    }

    public Task<int> UnsubscribeAsync(ChatAddress chat, string? sourceName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(subscriptions.RemoveAll(s => s.Chat == chat && (sourceName is null || s.SourceName == sourceName)));
        }
    }

    public Task<IReadOnlyList<Subscription>> GetForChatAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Subscription>>(subscriptions.Where(s => s.Chat == chat).ToList());
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(subscriptions.Count);
        }
    }

    public Task SetPausedAsync(ChatAddress chat, string? reason, CancellationToken cancellationToken)
    {
        lock (gate)
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
        lock (gate)
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
