using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Web.Feeds;

namespace UpdateBot.Web.StatusPage;

/// <summary>Gathers the status page's data from the stores and ports.</summary>
internal sealed class StatusPageQuery(
    IEntryStore entries,
    ISourceStateStore sourceStates,
    IOptionsMonitor<UpdateBotOptions> botOptions,
    IOptions<WebOptions> webOptions,
    FeedTimeZones zones,
    TimeProvider time,
    IEnumerable<IPlatformStatus> platforms,
    IEnumerable<IQueueStats> queueStats,
    IWebSubSubscriptions? webSub = null,
    IEventCatalog? events = null)
{
    public async Task<StatusPageModel> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = zones.Default;
        var states = (await sourceStates.GetAllAsync(cancellationToken)).ToDictionary(s => s.SourceName, StringComparer.OrdinalIgnoreCase);
        var names = botOptions.CurrentValue.Sources.Select(s => s.Name)
            .Concat(states.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);
        var sources = names.Select(name =>
        {
            states.TryGetValue(name, out var state);
            var health = state switch
            {
                { ConsecutiveFailures: > 0 } => SourceHealth.Failing,
                { LastSuccess: not null } => SourceHealth.Ok,
                _ => SourceHealth.Waiting,
            };
            return new SourceRow(
                name,
                state?.Title,
                health,
                state?.LastSuccess is { } success ? TimeLabels.Relative(success, now, zones.For(name)) : null,
                health == SourceHealth.Failing ? state?.LastError : null,
                state?.ConsecutiveFailures ?? 0,
                state?.EntriesSeen ?? 0,
                webSub?.IsActive(name) ?? false);
        }).ToList();

        var latest = await entries.GetLatestAsync(webOptions.Value.StatusEntries, 0, cancellationToken);
        var rows = latest.Select(e => new EntryRow(
            TimeLabels.Relative(e.Published, now, zones.For(e.SourceName)),
            e.SourceName,
            FeedText.Title(e),
            FeedText.IsHttp(e.Url) ? e.Url : null,
            e.Kind == EntryKind.Breaking)).ToList();

        IReadOnlyList<PlatformQueueStats>? queue = null;
        if (queueStats.FirstOrDefault() is { } stats)
        {
            queue = await stats.GetAsync(cancellationToken);
        }

        IReadOnlyList<EventRow>? upcoming = null;
        if (events is not null)
        {
            var matches = await events.UpcomingAsync(new EventQuery { Now = now, Limit = webOptions.Value.StatusEntries, IncludeCancelled = true }, cancellationToken);
            upcoming = matches.Select(m => EventRows.From(m.Event, zone)).ToList();
        }

        return new StatusPageModel(
            webOptions.Value.Title,
            TimeLabels.Short(now, zone),
            zone.Id,
            sources,
            queue,
            platforms.Select(p => (p.Platform, p.IsConnected, p.Detail)).ToList(),
            rows,
            upcoming);
    }
}
