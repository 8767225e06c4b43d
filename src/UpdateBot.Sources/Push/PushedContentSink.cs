using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Timeline;

namespace UpdateBot.Sources.Push;

/// <summary>
/// Takes a feed document a WebSub hub pushed (signature already checked by the web endpoint) and ingests it as a
/// fresh read of its source, so new entries reach chats without waiting for the next poll. Polling carries on.
/// </summary>
internal sealed partial class PushedContentSink(
    TimelineIngestor ingestor,
    ISourceStateStore states,
    IOptions<UpdateBotOptions> options,
    TimeProvider time,
    ILogger<PushedContentSink> logger) : IPushedContentSink
{
    public async Task AcceptAsync(PushedContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var source = SourceDefinitions.From(options.Value)
            .FirstOrDefault(s => string.Equals(s.Name, content.SourceName, StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            Log.UnknownSource(logger, content.SourceName);
            return;
        }

        var zone = TimeZones.TryFind(source.TimeZone ?? options.Value.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var parse = new ParseOptions(time.GetUtcNow(), zone, source.Format, source.Name);
        var baseUrl = Uri.TryCreate(content.Topic, UriKind.Absolute, out var topic) ? topic : null;
        var snapshot = FeedParser.Parse(content.Body.Span, content.ContentType, baseUrl, parse);
        var state = await states.GetAsync(source.Name, cancellationToken);
        var result = await ingestor.IngestAsync(source, snapshot, isFirstSight: state is not { Initialized: true }, cancellationToken);
        if (state is null or { Initialized: false })
        {
            // The first read of a source, pushed or polled, only records what is already there.
            await states.SaveAsync((state ?? new Core.Sources.SourceState { SourceName = source.Name }) with { Initialized = true }, cancellationToken);
        }

        Log.Pushed(logger, source.Name, snapshot.Entries.Count, result.Changed);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Source {Source}: pushed by its WebSub hub, {Entries} entries read (changed: {Changed})")]
        public static partial void Pushed(ILogger logger, string source, int entries, bool changed);

        [LoggerMessage(EventId = 521, Level = LogLevel.Warning, Message = "A WebSub push names source {Source}, which is not configured; ignored")]
        public static partial void UnknownSource(ILogger logger, string source);
    }
}
