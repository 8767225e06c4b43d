using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Moderation;

/// <summary>A breaking entry shown as a preview, waiting for its author to press Send or Cancel.</summary>
public sealed record Draft(string Id, UserRef Author, Entry Entry, DateTimeOffset Expires);
