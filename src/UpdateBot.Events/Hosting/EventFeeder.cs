using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UpdateBot.Events.Hosting;

/// <summary>Feeds the newest known entries to the <see cref="EventIndex"/> now and then (<see cref="EventCatalogRefresher"/>).</summary>
internal sealed partial class EventFeeder(
    EventCatalogRefresher refresher,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<EventFeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!refresher.HasEntries)
        {
            Log.NoEntryStore(logger);
            return;
        }

        var delay = options.Value.RefreshInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await refresher.RefreshAsync(stoppingToken);
                delay = options.Value.RefreshInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed read must not stop the feeder: log, back off, try again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ReadFailed(logger, exception);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(10).Ticks));
            }

            await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "No entry store is registered: events come only from moderators and the CLI")]
        public static partial void NoEntryStore(ILogger logger);

        [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Reading entries for events failed; backing off")]
        public static partial void ReadFailed(ILogger logger, Exception exception);
    }
}
