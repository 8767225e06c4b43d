using Microsoft.Extensions.Logging;

namespace UpdateBot.Telegram;

/// <summary>
/// Every log line of the Telegram adapter. None takes a URL or a raw library exception: exceptions are passed through
/// <see cref="TokenScrubber.Safe"/> first, so the token cannot reach a log. Shared locations are never logged.
/// </summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Connected to Telegram as @{Username} ({BotId})")]
    public static partial void Connected(ILogger logger, string username, long botId);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Registered {Count} commands for {Scope}")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Could not register commands for {Scope}")]
    public static partial void CommandsNotRegistered(ILogger logger, string scope, Exception exception);

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "Telegram refused the HTML of a message to {Chat}; sent the same content as plain text")]
    public static partial void SentAsPlainText(ILogger logger, string chat);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Telegram refused the photo for {Chat} ({Error}); sent the entry as text")]
    public static partial void PhotoRefused(ILogger logger, string chat, string error);

    [LoggerMessage(EventId = 505, Level = LogLevel.Information, Message = "{Operation} to {Chat}: {Outcome} ({Error})")]
    public static partial void SendFailed(ILogger logger, string operation, string chat, string outcome, string? error);

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "getUpdates failed; polling again in {Delay}")]
    public static partial void PollingFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 511, Level = LogLevel.Information, Message = "Receiving Telegram updates by long polling")]
    public static partial void PollingStarted(ILogger logger);

    [LoggerMessage(EventId = 512, Level = LogLevel.Error, Message = "Another receiver already polls this bot in this process; this one stays idle")]
    public static partial void SecondReceiver(ILogger logger);

    [LoggerMessage(EventId = 513, Level = LogLevel.Warning, Message = "A webhook is set for this bot; removing it to poll")]
    public static partial void RemovingWebhook(ILogger logger);

    [LoggerMessage(EventId = 514, Level = LogLevel.Error, Message = "Handling update {UpdateId} failed; it is skipped")]
    public static partial void UpdateFailed(ILogger logger, int updateId, Exception exception);

    [LoggerMessage(EventId = 515, Level = LogLevel.Debug, Message = "Ignored update {UpdateId}: {Reason}")]
    public static partial void UpdateIgnored(ILogger logger, int updateId, string reason);

    [LoggerMessage(EventId = 520, Level = LogLevel.Warning, Message = "Could not answer in {Chat}: {Outcome} ({Error})")]
    public static partial void ReplyFailed(ILogger logger, string chat, string outcome, string? error);

    [LoggerMessage(EventId = 521, Level = LogLevel.Debug, Message = "Could not answer a button press in {Chat}")]
    public static partial void CallbackAnswerFailed(ILogger logger, string chat, Exception exception);

    [LoggerMessage(EventId = 522, Level = LogLevel.Warning, Message = "Could not check whether {User} administers {Chat}; treated as not an admin")]
    public static partial void AdminCheckFailed(ILogger logger, string user, string chat, Exception exception);

    [LoggerMessage(EventId = 523, Level = LogLevel.Information, Message = "Group {From} became supergroup {To}")]
    public static partial void ChatMigrated(ILogger logger, string from, string to);

    [LoggerMessage(EventId = 524, Level = LogLevel.Information, Message = "The bot's membership in {Chat} is now {Status}")]
    public static partial void MembershipChanged(ILogger logger, string chat, string status);

    [LoggerMessage(EventId = 530, Level = LogLevel.Warning, Message = "Refused a webhook call: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 531, Level = LogLevel.Information, Message = "Webhook registered; Telegram will post updates to the configured URL")]
    public static partial void WebhookRegistered(ILogger logger);

    [LoggerMessage(EventId = 532, Level = LogLevel.Error, Message = "Could not register the webhook")]
    public static partial void WebhookNotRegistered(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 533, Level = LogLevel.Warning, Message = "Telegram is not reachable yet (attempt {Attempt}); trying again in {Delay}")]
    public static partial void StartupRetry(ILogger logger, int attempt, TimeSpan delay, Exception exception);
}
