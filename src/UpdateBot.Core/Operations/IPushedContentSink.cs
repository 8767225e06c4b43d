namespace UpdateBot.Core.Operations;

/// <summary>
/// Where WebSub-pushed content goes: the sources side ingests it at once, as if it had just polled the feed.
/// Polling of the source carries on as the fallback.
/// </summary>
public interface IPushedContentSink
{
    /// <summary>Takes the content (parse now, or queue durably). Throwing makes the hub retry the delivery.</summary>
    Task AcceptAsync(PushedContent content, CancellationToken cancellationToken);
}
