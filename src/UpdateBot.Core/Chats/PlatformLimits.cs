namespace UpdateBot.Core.Chats;

/// <summary>
/// Documented ceilings of a platform. Zero means "no limit of this kind".
/// Telegram: 30 messages/s per bot, 1/s per chat, 20/min per group. Discord: 50 requests/s global,
/// per-route buckets learnt from response headers at run time.
/// </summary>
public sealed record PlatformLimits(
    double GlobalPerSecond,
    double PerChatPerSecond,
    double PerGroupPerMinute)
{
    public static PlatformLimits Unlimited { get; } = new(0, 0, 0);
}
