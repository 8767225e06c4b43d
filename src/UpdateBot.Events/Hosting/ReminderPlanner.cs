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
/// (instances, or a restarted process) over one log exactly one returns it.
/// </summary>
internal sealed class ReminderPlanner(
    IEventCatalog catalog,
    IPlaceDirectory places,
    IChatSettingsStore settings,
    IReminderLog log,
    FeedTimeZones zones,
    string region,
    double radiusKm,
    IReadOnlySet<string>? platforms = null)
{
    public static readonly TimeSpan Lead = TimeSpan.FromHours(1);

    /// <summary>How long after an event's start what chats were told about it is kept (then pruned).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    /// <summary>
    /// Claims and returns what is due at <paramref name="now"/>. The caller owns the result: it sends each, or gives
    /// the claim back with <see cref="ReleaseAsync"/>. Chats on platforms this instance cannot send to are left alone.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
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

                var told = await log.ToldAsync(chat, ct);
                foreach (var (e, _) in matches)
                {
                    if (await ClaimAsync(chat, e, told.GetValueOrDefault(e.Id), now, ct) is { } reminder)
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
        return log.ReleaseAsync(reminder.Chat, reminder.EventId, reminder.Told, reminder.Previous, ct);
    }

    private async Task<DueReminder?> ClaimAsync(ChatAddress chat, EventRecord e, string? before, DateTimeOffset now, CancellationToken ct)
    {
        var state = ToldState.Of(e);
        var told = state.ToString();
        var keepUntil = e.UpcomingUntil + Retention;
        var zone = zones.For(e.SourceName);
        if (before is null)
        {
            if (e.Status == EventStatus.Cancelled || !e.TimeKnown || e.Start <= now || e.Start - now > Lead
                || !await log.TryClaimAsync(chat, e.Id, null, told, keepUntil, ct))
            {
                return null;
            }

            return new DueReminder(chat, Notice(SoonLabel(e.Start - now), e, zone), $"remind:{e.Id}:soon", e.Id, told, null);
        }

        if (before == told)
        {
            return null;
        }

        // Record the new state even when it needs no notice (a cancellation called off), so it is compared next time.
        var previous = ToldState.Parse(before);
        if (!await log.TryClaimAsync(chat, e.Id, before, told, keepUntil, ct))
        {
            return null;
        }

        if (state.Cancelled && previous is { Cancelled: false })
        {
            return new DueReminder(chat, Notice("Cancelled", e, zone), $"remind:{e.Id}:cancelled", e.Id, told, before);
        }

        if (!state.Cancelled && previous is not null && (previous.Start != state.Start || previous.Venue != state.Venue))
        {
            return new DueReminder(chat, Notice("Moved", e, zone), $"remind:{e.Id}:moved:{e.Start.ToUnixTimeSeconds()}", e.Id, told, before);
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
