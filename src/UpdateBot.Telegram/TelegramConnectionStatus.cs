using UpdateBot.Core.Operations;

namespace UpdateBot.Telegram;

/// <summary>
/// Telegram's side of /readyz: connected once getMe succeeded and, in Polling mode, while getUpdates answers;
/// in Webhook mode once the webhook is registered.
/// </summary>
internal sealed class TelegramConnectionStatus : IPlatformStatus
{
    private volatile string? detail = "starting";
    private volatile bool connected;

    public string Platform => TelegramPlatform.PlatformName;

    public bool IsConnected => connected;

    public string? Detail => detail;

    public void Set(bool isConnected, string note)
    {
        connected = isConnected;
        detail = note;
    }
}
