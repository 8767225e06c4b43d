using Microsoft.Extensions.Logging;

namespace UpdateBot.Web;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Web endpoint listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(2, LogLevel.Information, "Web endpoint disabled (UpdateBot:Web:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(30, LogLevel.Error, "Web endpoint could not listen on {Addresses}: {Reason}. The bot runs on without it; choose another address with UpdateBot:Web:Urls")]
    public static partial void CannotListen(ILogger logger, string addresses, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Telegram webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Error, "Telegram webhook handler failed; Telegram will retry the update")]
    public static partial void WebhookFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Readiness check {Check} failed")]
    public static partial void ReadinessFailed(ILogger logger, string check, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "WebSub: asking hub {Hub} to {Mode} source {Source} (topic {Topic})")]
    public static partial void WebSubRequest(ILogger logger, string hub, string mode, string source, string topic);

    [LoggerMessage(11, LogLevel.Warning, "WebSub: hub {Hub} refused to {Mode} source {Source}: {Reason}; retrying in {Delay}")]
    public static partial void WebSubRequestFailed(ILogger logger, string hub, string mode, string source, string reason, TimeSpan delay);

    [LoggerMessage(12, LogLevel.Information, "WebSub: hub verified {Mode} of source {Source}; lease {LeaseSeconds} s")]
    public static partial void WebSubVerified(ILogger logger, string mode, string source, int leaseSeconds);

    [LoggerMessage(13, LogLevel.Warning, "WebSub: verification refused for callback {CallbackId} (mode {Mode}): {Reason}")]
    public static partial void WebSubVerificationRefused(ILogger logger, string callbackId, string mode, string reason);

    [LoggerMessage(14, LogLevel.Warning, "WebSub: hub denied the subscription of source {Source}: {Reason}")]
    public static partial void WebSubDenied(ILogger logger, string source, string reason);

    [LoggerMessage(15, LogLevel.Warning, "WebSub: content for source {Source} ignored: {Reason}")]
    public static partial void WebSubContentIgnored(ILogger logger, string source, string reason);

    [LoggerMessage(16, LogLevel.Error, "WebSub: pushed content for source {Source} could not be handed over; the hub will retry")]
    public static partial void WebSubSinkFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(17, LogLevel.Error, "WebSub: subscription round failed")]
    public static partial void WebSubRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(18, LogLevel.Information, "WebSub: pushed content for source {Source} accepted ({Bytes} bytes)")]
    public static partial void WebSubContentAccepted(ILogger logger, string source, int bytes);

    [LoggerMessage(19, LogLevel.Information, "WebSub is off: UpdateBot:Web:PublicBaseUrl is not set or WebSub is disabled")]
    public static partial void WebSubOff(ILogger logger);
}
