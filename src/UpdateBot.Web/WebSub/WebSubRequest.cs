namespace UpdateBot.Web.WebSub;

/// <summary>A request the subscriber must send to a hub: subscribe (with secret and lease) or unsubscribe.</summary>
internal sealed record WebSubRequest(string Mode, WebSubSubscription Subscription);
