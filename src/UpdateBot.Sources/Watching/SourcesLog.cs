using Microsoft.Extensions.Logging;

namespace UpdateBot.Sources.Watching;

internal static partial class SourcesLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Source {Source} ({Url}): {Error}; next try in {Delay}")]
    public static partial void ReadFailed(ILogger logger, string source, string url, string error, TimeSpan delay);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Source {Source}: poll failed; next try in {Delay}")]
    public static partial void PollCrashed(ILogger logger, Exception exception, string source, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Watching {Count} source(s)")]
    public static partial void Watching(ILogger logger, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Source {Source}: unchanged; next poll in {Delay}")]
    public static partial void Unchanged(ILogger logger, string source, TimeSpan delay);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Source {Source}: the page suddenly has no entries (suspect read, nothing removed); next try in {Delay}")]
    public static partial void SuspectRead(ILogger logger, string source, TimeSpan delay);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "No sources configured; the source watcher is idle")]
    public static partial void NoSources(ILogger logger);
}
