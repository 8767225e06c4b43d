namespace UpdateBot.StandIns.Telegram;

/// <summary>
/// Telegram's broadcast limits as the stand-in enforces them (FAQ "My bot is hitting limits"): about 30 messages/s
/// per bot, 1/s per chat (short bursts tolerated), 20/min per group. Off by default so user-playing tests are not
/// throttled; switch on for rate-limit tests and benchmarks.
/// </summary>
public sealed record TelegramStandInLimits
{
    public bool Enforce { get; init; }

    public int GlobalPerSecond { get; init; } = 30;

    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>Messages a chat may receive at once before the 1/s pace applies.</summary>
    public int PerChatBurst { get; init; } = 3;

    public int PerGroupPerMinute { get; init; } = 20;

    public static TelegramStandInLimits Off { get; } = new();

    public static TelegramStandInLimits Telegram { get; } = new() { Enforce = true };
}
