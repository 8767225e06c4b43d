using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;

namespace UpdateBot.Events.Hosting;

/// <summary>Every minute: sends the reminders and move/cancel notices the <see cref="ReminderPlanner"/> finds due.</summary>
internal sealed partial class EventReminderService(
    IEventCatalog catalog,
    IPlaceDirectory places,
    IChatSettingsStore settings,
    FeedTimeZones zones,
    IEnumerable<IChatPlatform> platforms,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<EventReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var planner = new ReminderPlanner(catalog, places, settings, zones, o.Region ?? RegionHints.ForZone(zones.Default) ?? "GB", o.DefaultRadiusKm);
        var byName = platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                foreach (var (chat, message, key) in await planner.DueAsync(time.GetUtcNow(), stoppingToken))
                {
                    if (byName.TryGetValue(chat.Platform, out var platform))
                    {
                        await platform.SendAsync(chat, message, key, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed round must not stop reminders: log and try at the next tick.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.RoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "Sending event reminders failed; trying again at the next tick")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
