namespace UpdateBot.Telegram;

/// <summary>How the bot receives updates: it asks (long polling) or Telegram posts them to the web host (webhook).</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}
