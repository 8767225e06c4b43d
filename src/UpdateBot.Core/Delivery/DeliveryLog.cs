using Microsoft.Extensions.Logging;
using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Delivery to {Platform} started as {Owner}; {Released} claims of an earlier run taken back")]
    public static partial void Started(ILogger logger, string platform, string owner, int released);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Delivery round for {Platform} failed; retrying in {Delay}")]
    public static partial void RoundFailed(ILogger logger, Exception exception, string platform, TimeSpan delay);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Chat} refused the bot ({Reason}): its subscriptions are paused")]
    public static partial void Paused(ILogger logger, ChatAddress chat, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "{From} moved to {To}: subscriptions and pending deliveries follow")]
    public static partial void Moved(ILogger logger, ChatAddress from, ChatAddress to);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Delivery {JobId} of {Source}/{Entry} to {Chat} given up: {Reason}")]
    public static partial void Failed(ILogger logger, long jobId, string source, string entry, ChatAddress chat, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "{Platform} asked to wait {RetryAfter} (global: {Global}) for {Chat}")]
    public static partial void RateLimited(ILogger logger, string platform, TimeSpan retryAfter, bool global, ChatAddress chat);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "{Chat} was {Backlog} entries behind: sent one digest of {Entries} entries")]
    public static partial void Digest(ILogger logger, ChatAddress chat, int backlog, int entries);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "Delivery {JobId} to {Chat} will be retried at {NotBefore}: {Reason}")]
    public static partial void Retrying(ILogger logger, long jobId, ChatAddress chat, DateTimeOffset notBefore, string reason);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Sending to {Platform} threw; treated as a passing fault")]
    public static partial void PlatformThrew(ILogger logger, Exception exception, string platform);
}
