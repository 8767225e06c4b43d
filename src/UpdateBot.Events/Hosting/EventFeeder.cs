using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Storage;

namespace UpdateBot.Events.Hosting;

/// <summary>Reads the newest known entries now and then and feeds them to the <see cref="EventIndex"/>.</summary>
internal sealed partial class EventFeeder(
    IServiceProvider services,
    EventIndex index,
    FeedTimeZones zones,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<EventFeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = services.GetService<IEntryStore>();
        if (store is null)
        {
            Log.NoEntryStore(logger);
            return;
        }

        var delay = options.Value.RefreshInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var entries = await store.GetLatestAsync(options.Value.EntriesRead, 0, stoppingToken);
                foreach (var source in entries.GroupBy(e => e.SourceName, StringComparer.Ordinal))
                {
                    index.ObserveMany(source, zones.For(source.Key));
                }

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
