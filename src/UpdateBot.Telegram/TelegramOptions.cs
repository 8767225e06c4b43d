using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Telegram;

/// <summary>Telegram settings (UpdateBot:Telegram). Telegram is switched on when <see cref="Token"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "UpdateBot:Telegram";

    /// <summary>The bot token from @BotFather ("123456:ABC…"). Never logged.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>
    /// A Bot API server other than api.telegram.org (a local telegram-bot-api, a test server):
    /// requests then go to {ApiBaseUrl}/bot{token}/{method}.
    /// </summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS URL Telegram posts updates to (Webhook mode).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (Webhook mode): 1–256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Long-poll timeout in seconds (Telegram caps it at 50).</summary>
    [Range(1, 50)]
    public int PollTimeoutSeconds { get; set; } = 50;

    /// <summary>How long a user's admin status in a group is remembered.</summary>
    public TimeSpan AdminCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Register the command menu with setMyCommands at start-up.</summary>
    public bool RegisterCommands { get; set; } = true;
}
