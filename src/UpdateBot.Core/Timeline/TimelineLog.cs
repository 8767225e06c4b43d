using Microsoft.Extensions.Logging;

namespace UpdateBot.Core.Timeline;

internal static partial class TimelineLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Source {Source}: the read had no entries but {Known} are known; treated as a suspect read, nothing removed")]
    public static partial void SuspectEmptyRead(ILogger logger, string source, int known);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Source {Source}: {Added} new, {Updated} updated, {Removed} removed ({Delivered} to deliver)")]
    public static partial void Ingested(ILogger logger, string source, int added, int updated, int removed, int delivered);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Source {Source}: first sight, {Count} existing entries recorded, {Backlog} to deliver")]
    public static partial void FirstSight(ILogger logger, string source, int count, int backlog);
}
