namespace UpdateBot.Core.Operations;

/// <summary>
/// WebSub subscriptions of the bot's sources. The feed watcher reports after every successful read what hub,
/// if any, the feed advertised (<c>FeedSnapshot.HubUrl</c>) and its topic (<c>FeedSnapshot.SelfUrl</c>, else the
/// source URL); the web part subscribes, renews leases, and unsubscribes when the hub goes away.
/// </summary>
public interface IWebSubSubscriptions
{
    /// <summary>Records what the latest read saw; cheap and idempotent, never throws for bad URLs (they are ignored).</summary>
    void Observe(string sourceName, string topicUrl, string? hubUrl);

    /// <summary>True while a verified subscription for the source is active: its entries arrive by push.</summary>
    bool IsActive(string sourceName);
}
