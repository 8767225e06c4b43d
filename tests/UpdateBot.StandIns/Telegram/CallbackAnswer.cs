namespace UpdateBot.StandIns.Telegram;

/// <summary>An answerCallbackQuery the bot made.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text);
