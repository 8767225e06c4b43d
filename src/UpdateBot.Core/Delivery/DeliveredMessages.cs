namespace UpdateBot.Core.Delivery;

/// <summary>The platform messages that show an entry in one chat, and the content they show.</summary>
public sealed record DeliveredMessages(IReadOnlyList<string> MessageIds, string ContentHash);
