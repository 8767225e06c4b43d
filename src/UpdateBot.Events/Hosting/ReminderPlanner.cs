using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Places;
using UpdateBot.Events.Commands;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// Decides which reminders are due: an hour before each event near a reminded chat's home place, and afterwards a
/// notice when an event the chat was reminded of moves or is cancelled. Remembers (in memory) what each chat was told.
/// </summary>
internal sealed class ReminderPlanner(IEventCatalog catalog, IPlaceDirectory places, IChatSettingsStore settings, FeedTimeZones zones, string region, double radiusKm)
{
    public static readonly TimeSpan Lead = TimeSpan.FromHours(1);

    private readonly Dictionary<(ChatAddress Chat, string EventId), (DateTimeOffset Start, string? Venue, EventStatus Status)> told = [];

    public async Task<IReadOnlyList<(ChatAddress Chat, OutgoingMessage Message, string Key)>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<(ChatAddress, OutgoingMessage, string)>();
        foreach (var (chat, chatSettings) in await settings.GetRemindedAsync(ct))
        {
            if (chatSettings.HomePlace is not { } home || places.Find(home, region) is not { } place)
            {
                continue;
            }

            var matches = await catalog.UpcomingAsync(
                new EventQuery { Now = now, Center = place.Location, RadiusKm = radiusKm, IncludeCancelled = true },
                ct);
            foreach (var (e, _) in matches)
            {
                var key = (chat, e.Id);
                var zone = zones.For(e.SourceName);
                if (told.TryGetValue(key, out var before))
                {
                    if (e.Status == EventStatus.Cancelled && before.Status != EventStatus.Cancelled)
                    {
                        due.Add((chat, Notice("Cancelled", e, zone), $"remind:{e.Id}:cancelled"));
                    }
                    else if (e.Status != EventStatus.Cancelled && (e.Start != before.Start || e.Venue != before.Venue))
                    {
                        due.Add((chat, Notice("Moved", e, zone), $"remind:{e.Id}:moved:{e.Start.ToUnixTimeSeconds()}"));
                    }

                    told[key] = (e.Start, e.Venue, e.Status);
                    continue;
                }

                if (e.Status != EventStatus.Cancelled && e.TimeKnown && e.Start > now && e.Start - now <= Lead)
                {
                    due.Add((chat, Notice("In an hour", e, zone), $"remind:{e.Id}:soon"));
                    told[key] = (e.Start, e.Venue, e.Status);
                }
            }
        }

        return due;
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
