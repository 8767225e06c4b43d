namespace UpdateBot.Telegram;

/// <summary>What the web host should answer Telegram for one webhook call.</summary>
public enum TelegramWebhookOutcome
{
    /// <summary>Handled (or a repeat of one already handled): answer 200.</summary>
    Handled,

    /// <summary>The secret header was missing or wrong: answer 401 and do nothing.</summary>
    Unauthorized,

    /// <summary>The body was not an update: answer 400.</summary>
    BadRequest,
}
