using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Moderation;

/// <summary>A breaking entry shown as a preview, waiting for its author to press Send or Cancel.</summary>
public sealed record Draft(string Id, UserRef Author, Entry Entry, DateTimeOffset Expires)
{
    /// <summary>For "--near": the area the entry goes to (its destinations are counted again at Send).</summary>
    public PostArea? Area { get; init; }
}
