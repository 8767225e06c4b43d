using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Places;
using UpdateBot.Events.Commands;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// Decides which reminders are due: an hour before each event near a reminded chat's home place, and afterwards a
/// notice when an event the chat was reminded of moves or is cancelled. What each chat was told lives in the shared
/// <see cref="IReminderLog"/>, not here: every reminder returned has been claimed there first, so of several planners
/// (instances, or a restarted process) over one log exactly one returns it. A claim its holder left in flight for longer
/// than <paramref name="claimLifetime"/> (it died before sending, or before confirming) is planned again, as if it had
/// been given back, and taken over by one planner.
/// </summary>
/// <param name="owner">Names this planner's claims: one name per running reminder service.</param>
/// <param name="claimLifetime">How long a claim in flight is left to its holder before it counts as abandoned.</param>
internal sealed class ReminderPlanner(
    IEventCatalog catalog,
    IPlaceDirectory places,
    IChatSettingsStore settings,
    IReminderLog log,
    FeedTimeZones zones,
    string region,
    double radiusKm,
    string owner,
    TimeSpan claimLifetime,
    IReadOnlySet<string>? platforms = null)
{
    public static readonly TimeSpan Lead = TimeSpan.FromHours(1);

    /// <summary>How long after an event's start what chats were told about it is kept (then pruned).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    /// <summary>
    /// Claims and returns what is due at <paramref name="now"/>. The caller owns the result: it sends each and
    /// confirms it with <see cref="ConfirmAsync"/>, or gives the claim back with <see cref="ReleaseAsync"/>. Chats on
    /// platforms this instance cannot send to are left alone.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var claim = new ReminderClaim(owner, now, claimLifetime);
        var due = new List<DueReminder>();
        try
        {
            foreach (var (chat, chatSettings) in await settings.GetRemindedAsync(ct))
            {
                if ((platforms is not null && !platforms.Contains(chat.Platform))
                    || chatSettings.HomePlace is not { } home || places.Find(home, region) is not { } place)
                {
                    continue;
                }

                var matches = await catalog.UpcomingAsync(
                    new EventQuery { Now = now, Center = place.Location, RadiusKm = radiusKm, IncludeCancelled = true },
                    ct);
                if (matches.Count == 0)
                {
                    continue;
                }

                var told = await log.ToldAsync(chat, claim.AbandonedBefore, ct);
                foreach (var (e, _) in matches)
                {
                    if (await ClaimAsync(chat, e, told.GetValueOrDefault(e.Id), claim, ct) is { } reminder)
                    {
                        due.Add(reminder);
                    }
                }
            }
        }
        catch
        {
            // What was claimed but will not be returned would never be sent: give it back first.
            await ReleaseAllAsync(due);
            throw;
        }

        return due;
    }

    /// <summary>Gives back the claim of a reminder that was not sent, so the next round (of any instance) tries again.</summary>
    public Task ReleaseAsync(DueReminder reminder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return log.ReleaseAsync(reminder.Chat, reminder.EventId, reminder.Told, reminder.Claim, ct);
    }

    /// <summary>
    /// Settles the claim of a reminder that was sent (or refused for good), so it is never taken over. False when it
    /// was taken over meanwhile (this holder took longer than the claim lifetime): then the chat may get it twice.
    /// </summary>
    public Task<bool> ConfirmAsync(DueReminder reminder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return log.ConfirmAsync(reminder.Chat, reminder.EventId, reminder.Told, reminder.Claim, ct);
    }

    private async Task<DueReminder?> ClaimAsync(ChatAddress chat, EventRecord e, string? before, ReminderClaim claim, CancellationToken ct)
    {
        var now = claim.At;
        var state = ToldState.Of(e);
        var told = state.ToString();
        if (before == told
            || (before is null && (e.Status == EventStatus.Cancelled || !e.TimeKnown || e.Start <= now || e.Start - now > Lead))
            || !await log.TryClaimAsync(chat, e.Id, before, told, e.UpcomingUntil + Retention, claim, ct))
        {
            return null;
        }

        if (NoticeOf(e, state, before, now) is not { } notice)
        {
            // A change that needs no notice (a cancellation called off) is recorded all the same, so it is compared
            // next time, and settled at once. Should this process die in between, the claim is taken over and settled.
            await log.ConfirmAsync(chat, e.Id, told, claim, ct);
            return null;
        }

        return new DueReminder(chat, notice.Message, notice.Key, e.Id, told, claim);
    }

    /// <summary>The notice a chat told <paramref name="before"/> gets about the event now, or none.</summary>
    private (OutgoingMessage Message, string Key)? NoticeOf(EventRecord e, ToldState state, string? before, DateTimeOffset now)
    {
        var zone = zones.For(e.SourceName);
        if (before is null)
        {
            return (Notice(SoonLabel(e.Start - now), e, zone), $"remind:{e.Id}:soon");
        }

        var previous = ToldState.Parse(before);
        if (state.Cancelled && previous is { Cancelled: false })
        {
            return (Notice("Cancelled", e, zone), $"remind:{e.Id}:cancelled");
        }

        if (!state.Cancelled && previous is not null && (previous.Start != state.Start || previous.Venue != state.Venue))
        {
            return (Notice("Moved", e, zone), $"remind:{e.Id}:moved:{e.Start.ToUnixTimeSeconds()}");
        }

        return null;
    }

    private async Task ReleaseAllAsync(List<DueReminder> due)
    {
        foreach (var reminder in due)
        {
            // Not the round's token: the round may be failing because it was cancelled, and the claims must still go back.
            await ReleaseAsync(reminder, CancellationToken.None);
        }
    }

    /// <summary>"In an hour" at the usual time; fewer minutes when the bot was down when the reminder fell due.</summary>
    private static string SoonLabel(TimeSpan left)
    {
        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        return minutes >= 55 ? "In an hour" : minutes == 1 ? "In 1 minute" : $"In {minutes} minutes";
    }

    private static OutgoingMessage Notice(string what, EventRecord e, TimeZoneInfo zone)
    {
        var runs = new List<Inline>
        {
            new TextRun(what + ": ", TextStyle.Bold),
            new TextRun($"{e.Title} — {EventLabels.When(e, zone)}"),
        };
        var where = EventLabels.Where(e);
        if (where.Length > 0)
        {
            runs.Add(new TextRun(" · " + where));
        }

        if (e.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            runs.Add(new TextRun(" "));
            runs.Add(new LinkRun("↗", url));
        }

        return new OutgoingMessage
        {
            Body = [new Paragraph(runs)],
            Tone = MessageTone.Reply,
            Venue = e.Place is { } p && e.Status != EventStatus.Cancelled ? new MessageVenue(p.Location.Latitude, p.Location.Longitude, e.Title, where) : null,
        };
    }
}
