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
/// instance runs this; the planner's claims in the shared <see cref="IReminderLog"/> make each go out once. A sent
/// notice's claim is confirmed. A send that fails in passing (rate limit, 5xx, an exception) gives its claim back and
/// is tried again at the next tick (at least once); a send the platform refuses for good (blocked, rejected) is
/// confirmed all the same and not retried. A claim left in flight by a process that died is taken over by the next
/// round (of any instance) once <see cref="EventsOptions.ClaimLifetime"/> has passed. So that a live instance is never
/// overtaken, a send starts only within half of that lifetime after its claim and is cut off at three quarters.
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

    /// <summary>Names this service's claims: machine, process, and a random part (several services in one process).</summary>
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

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
                owner, o.ClaimLifetime, byName.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase));
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

            if (time.GetUtcNow() - reminder.Claim.At >= reminder.Claim.Lifetime / 2)
            {
                await ReleaseAsync(planner, reminder, "claimed too long ago to be sent before its claim lapses");
                continue;
            }

            await SendAsync(planner, byName[reminder.Chat.Platform], reminder, stoppingToken);
        }
    }

    private async Task SendAsync(ReminderPlanner planner, IChatPlatform platform, DueReminder reminder, CancellationToken stoppingToken)
    {
        SendResult result;
        var left = reminder.Claim.At + (reminder.Claim.Lifetime * 3 / 4) - time.GetUtcNow();
        var cutOff = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        using var deadline = new CancellationTokenSource(cutOff, time);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        try
        {
            result = await platform.SendAsync(reminder.Chat, reminder.Message, reminder.Key, sending.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(planner, reminder, "the bot stopped while sending");
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await ReleaseAsync(planner, reminder, "the send took three quarters of the claim lifetime");
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
                await ConfirmAsync(planner, reminder);
                break;
            case SendOutcome.RateLimited or SendOutcome.Transient:
                await ReleaseAsync(planner, reminder, $"{result.Outcome}: {result.Error}");
                break;
            default:
                Log.GivenUp(logger, reminder.Key, reminder.Chat, result.Outcome, result.Error);
                await ConfirmAsync(planner, reminder);
                break;
        }
    }

    private async Task ConfirmAsync(ReminderPlanner planner, DueReminder reminder)
    {
        try
        {
            // Not the stopping token: what was sent must be settled even while the bot stops, or it is sent again.
            if (!await planner.ConfirmAsync(reminder, CancellationToken.None))
            {
                Log.ConfirmedTooLate(logger, reminder.Key, reminder.Chat);
            }
        }
#pragma warning disable CA1031 // The store is unreachable: the claim lapses and the notice is sent again (at most one duplicate), and that is said.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.ConfirmFailed(logger, exception, reminder.Key, reminder.Chat);
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
#pragma warning disable CA1031 // The store is unreachable: the claim lapses and the reminder is sent later, and that is said.
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

        [LoggerMessage(EventId = 713, Level = LogLevel.Warning, Message = "Reminder {Key} to {Chat} was not sent ({Reason}) and its claim could not be given back: it is sent once the claim lapses")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, string key, ChatAddress chat, string reason);

        [LoggerMessage(EventId = 714, Level = LogLevel.Warning, Message = "Reminder {Key} to {Chat} refused by the platform ({Outcome}: {Error}); not retried")]
        public static partial void GivenUp(ILogger logger, string key, ChatAddress chat, SendOutcome outcome, string? error);

        [LoggerMessage(EventId = 715, Level = LogLevel.Warning, Message = "Sending reminder {Key} to {Chat} threw")]
        public static partial void SendThrew(ILogger logger, Exception exception, string key, ChatAddress chat);

        [LoggerMessage(EventId = 716, Level = LogLevel.Debug, Message = "Forgot {Count} reminder records of past events")]
        public static partial void Pruned(ILogger logger, int count);

        [LoggerMessage(EventId = 717, Level = LogLevel.Warning, Message = "Reminder {Key} to {Chat} was sent after its claim lapsed and another round took it over: the chat may get it twice")]
        public static partial void ConfirmedTooLate(ILogger logger, string key, ChatAddress chat);

        [LoggerMessage(EventId = 718, Level = LogLevel.Error, Message = "Reminder {Key} to {Chat} was sent but could not be recorded as sent: it is sent again once its claim lapses")]
        public static partial void ConfirmFailed(ILogger logger, Exception exception, string key, ChatAddress chat);
    }
}
