namespace UpdateBot.Core.Chats;

/// <summary>
/// Documented ceilings of a platform. Zero means "no limit of this kind".
/// Telegram: 30 messages/s per bot, 1/s per chat, 20/min per group. Discord: 50 requests/s global,
/// per-route buckets learnt from response headers at run time.
/// </summary>
/// <param name="GlobalPerSecond">Messages per second for the whole bot.</param>
/// <param name="PerChatPerSecond">Messages per second to one chat.</param>
/// <param name="PerGroupPerMinute">Messages per minute to one group.</param>
/// <param name="GroupIdPrefix">
/// Which chats are groups, for <paramref name="PerGroupPerMinute"/>: those whose id starts with this prefix (Telegram:
/// "-", as group, supergroup and channel ids are negative). Null: every chat counts as a group.
/// </param>
public sealed record PlatformLimits(
    double GlobalPerSecond,
    double PerChatPerSecond,
    double PerGroupPerMinute,
    string? GroupIdPrefix = null)
{
    /// <summary>Whether the per-group limit applies to <paramref name="chat"/>.</summary>
    public bool IsGroup(ChatAddress chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return GroupIdPrefix is null || chat.ChatId.StartsWith(GroupIdPrefix, StringComparison.Ordinal);
    }

    public static PlatformLimits Unlimited { get; } = new(0, 0, 0);
}
