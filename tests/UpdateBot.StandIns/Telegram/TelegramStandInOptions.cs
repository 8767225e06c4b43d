namespace UpdateBot.StandIns.Telegram;

public sealed record TelegramStandInOptions
{
    /// <summary>The only token the server accepts; others get 401. Shaped as Telegram.Bot requires (digits:text).</summary>
    public string Token { get; init; } = "123456789:AAStandInTokenForTestsOnly_abcdefgh";

    public long BotId { get; init; } = 123456789;

    public string BotUsername { get; init; } = "UpdateStandInBot";

    public TelegramStandInLimits Limits { get; init; } = TelegramStandInLimits.Off;

    /// <summary>Longest long poll, in seconds (the real server's cap is 50).</summary>
    public int MaxLongPollSeconds { get; init; } = 50;

    /// <summary>Sending to a chat nobody introduced: create it (true) or answer "chat not found" like Telegram (false).</summary>
    public bool AcceptUnknownChats { get; init; }
}
