using Microsoft.Extensions.Logging;

namespace UpdateBot.Sources.Watching;

internal static partial class SourceLeaseLog
{
    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug, Message = "Source {Source}: this instance ({Holder}) holds its lease and polls it")]
    public static partial void Holding(ILogger logger, string source, string holder);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Source {Source}: polled by another instance; this instance ({Holder}) stands by and takes over if that one stops")]
    public static partial void StandingBy(ILogger logger, string source, string holder);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information, Message = "Source {Source}: took over polling from another instance (this instance: {Holder})")]
    public static partial void TookOver(ILogger logger, string source, string holder);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning, Message = "Source {Source}: lost its lease to another instance; this instance ({Holder}) stops polling it")]
    public static partial void Lost(ILogger logger, string source, string holder);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Information, Message = "Took back {Count} source lease(s) left by an earlier process of instance {Instance}")]
    public static partial void TookBack(ILogger logger, int count, string instance);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Warning, Message = "Source leases: could not take back the leases of an earlier process; they expire on their own")]
    public static partial void TakeBackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1026, Level = LogLevel.Warning, Message = "Source {Source}: could not release its lease; another instance takes over when it expires in {Duration}")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string source, TimeSpan duration);

    [LoggerMessage(EventId = 1027, Level = LogLevel.Warning, Message = "Source {Source}: could not renew its lease; trying again at the next poll")]
    public static partial void RenewFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 1028, Level = LogLevel.Warning, Message = "Source {Source}: not read by this one-shot run: another running instance holds its lease and polls it")]
    public static partial void SkippedOnce(ILogger logger, string source);
}
