using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// Every minute: sends the reminders and move/cancel notices the <see cref="ReminderPlanner"/> finds due. Every
/// instance runs this; the planner's claims in the shared <see cref="IReminderLog"/> make each go out once. A send
/// that fails in passing (rate limit, 5xx, an exception) gives its claim back and is tried again at the next tick
/// (at least once); a send the platform refuses for good (blocked, rejected) keeps its claim and is not retried.
/// </summary>
internal sealed partial class EventReminderService(
    IEventCatalog catalog,
    IPlaceDirectory places,
    IChatSettingsStore settings,
    IReminderLog log,
    FeedTimeZones zones,
    IEnumerable<IChatPlatform> platforms,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<EventReminderService> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private ReminderPlanner? planner;
    private Dictionary<string, IChatPlatform>? byName;
    private DateTimeOffset nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
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

    /// <summary>One round (what each tick does): prunes the log now and then, claims what is due and sends it.</summary>
    internal async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        if (planner is null || byName is null)
        {
            var o = options.Value;
            byName = platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            planner = new ReminderPlanner(
                catalog, places, settings, log, zones, o.Region ?? RegionHints.ForZone(zones.Default) ?? "GB", o.DefaultRadiusKm,
                byName.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase));
        }

        var now = time.GetUtcNow();
        if (now >= nextPrune)
        {
            nextPrune = now + PruneEvery;
            Log.Pruned(logger, await log.PruneAsync(now, stoppingToken));
        }

        foreach (var reminder in await planner.DueAsync(now, stoppingToken))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(planner, reminder, "the bot is stopping");
                continue;
            }

            await SendAsync(planner, byName[reminder.Chat.Platform], reminder, stoppingToken);
        }
    }

    private async Task SendAsync(ReminderPlanner planner, IChatPlatform platform, DueReminder reminder, CancellationToken stoppingToken)
    {
        SendResult result;
        try
        {
            result = await platform.SendAsync(reminder.Chat, reminder.Message, reminder.Key, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(planner, reminder, "the bot stopped while sending");
            return;
        }
#pragma warning disable CA1031 // Whatever the platform threw (or a cancelled send), the claim goes back so it is sent later.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.SendThrew(logger, exception, reminder.Key, reminder.Chat);
            await ReleaseAsync(planner, reminder, "the send threw");
            return;
        }

        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                Log.Sent(logger, reminder.Key, reminder.Chat);
                break;
            case SendOutcome.RateLimited or SendOutcome.Transient:
                await ReleaseAsync(planner, reminder, $"{result.Outcome}: {result.Error}");
                break;
            default:
                Log.GivenUp(logger, reminder.Key, reminder.Chat, result.Outcome, result.Error);
                break;
        }
    }

    private async Task ReleaseAsync(ReminderPlanner planner, DueReminder reminder, string reason)
    {
        try
        {
            // Not the stopping token: a claim must go back even while the bot stops, or nobody sends the reminder.
            await planner.ReleaseAsync(reminder, CancellationToken.None);
            Log.Released(logger, reminder.Key, reminder.Chat, reason);
        }
#pragma warning disable CA1031 // The store is unreachable: the reminder is lost (at most once), and that is said.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.ReleaseFailed(logger, exception, reminder.Key, reminder.Chat, reason);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "Sending event reminders failed; trying again at the next tick")]
        public static partial void RoundFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 711, Level = LogLevel.Debug, Message = "Reminder {Key} sent to {Chat}")]
        public static partial void Sent(ILogger logger, string key, ChatAddress chat);

        [LoggerMessage(EventId = 712, Level = LogLevel.Warning, Message = "Reminder {Key} to {Chat} was not sent ({Reason}); its claim is given back and it is tried again at the next tick")]
        public static partial void Released(ILogger logger, string key, ChatAddress chat, string reason);

        [LoggerMessage(EventId = 713, Level = LogLevel.Error, Message = "Reminder {Key} to {Chat} was not sent ({Reason}) and its claim could not be given back: it will not be sent")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, string key, ChatAddress chat, string reason);

        [LoggerMessage(EventId = 714, Level = LogLevel.Warning, Message = "Reminder {Key} to {Chat} refused by the platform ({Outcome}: {Error}); not retried")]
        public static partial void GivenUp(ILogger logger, string key, ChatAddress chat, SendOutcome outcome, string? error);

        [LoggerMessage(EventId = 715, Level = LogLevel.Warning, Message = "Sending reminder {Key} to {Chat} threw")]
        public static partial void SendThrew(ILogger logger, Exception exception, string key, ChatAddress chat);

        [LoggerMessage(EventId = 716, Level = LogLevel.Debug, Message = "Forgot {Count} reminder records of past events")]
        public static partial void Pruned(ILogger logger, int count);
    }
}
