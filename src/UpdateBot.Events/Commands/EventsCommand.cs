using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Events;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Places;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Commands;

/// <summary>
/// /events [place] [radius]: upcoming events, near a place, near the chat's home place, or near a location the user
/// shared (used for this answer only: never stored, never logged).
/// </summary>
internal sealed partial class EventsCommand(
    IEventCatalog catalog,
    IPlaceDirectory places,
    IChatSettingsStore settings,
    FeedTimeZones zones,
    IOptions<EventsOptions> options) : ICommand
{
    public CommandDefinition Definition { get; } = new("events", "Upcoming demos, rallies and meetings near a place")
    {
        Options =
        [
            new CommandOption("place", "A town or city (default: this chat's home place)") { Rest = true, Autocomplete = true },
            new CommandOption("radius", "Kilometres around the place (default 25)", OptionType.Number) { Flag = true, Min = 1, Max = 500 },
        ],
        Examples = ["/events", "/events Leeds", "/events Newcastle --radius 10"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var region = o.Region ?? RegionHints.ForZone(zones.Default) ?? "GB";
        var (placeText, radius) = SplitRadius(context.Arguments.Text("place"), context.Arguments.Number("radius") ?? o.DefaultRadiusKm);
        GeoPoint? center = null;
        string? label = null;
        if (context.Inbound.Location is { } shared)
        {
            center = shared;
            label = "you";
        }
        else if (placeText is not null)
        {
            var place = places.Find(placeText, region);
            if (place is null)
            {
                return CommandResponse.Error($"I don't know a place called \"{Shorten(placeText)}\". Try a town or city name.");
            }

            (center, label) = (place.Location, place.Name);
        }
        else if ((await settings.GetAsync(context.Chat, cancellationToken)).HomePlace is { } home && places.Find(home, region) is { } homePlace)
        {
            (center, label) = (homePlace.Location, homePlace.Name);
        }

        var matches = await catalog.UpcomingAsync(
            new EventQuery { Now = context.Now, Center = center, RadiusKm = radius, Limit = o.MaxListed },
            cancellationToken);
        if (matches.Count == 0)
        {
            return CommandResponse.Reply(label is null
                ? "No upcoming events in the coming days."
                : $"None near {label} in the coming days.");
        }

        return CommandResponse.Reply(Render(matches, label, radius, shareVenue: context.Inbound.Location is not null));
    }

    public Task<IReadOnlyList<string>> SuggestAsync(string option, string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(option == "place"
            ? [.. places.Suggest(prefix, 25).Select(p => $"{p.Name}, {p.Country}").Distinct()]
            : []);

    private OutgoingMessage Render(IReadOnlyList<EventMatch> matches, string? label, double radius, bool shareVenue)
    {
        var body = new List<Paragraph>();
        foreach (var (e, distance) in matches)
        {
            var zone = zones.For(e.SourceName);
            var runs = new List<Inline>
            {
                new TextRun(EventLabels.When(e, zone), TextStyle.Bold),
                new TextRun(" — " + e.Title),
            };
            var where = EventLabels.Where(e);
            if (where.Length > 0)
            {
                runs.Add(new TextRun(" · " + where));
            }

            if (distance is { } km)
            {
                runs.Add(new TextRun($" ({EventLabels.Distance(km)})", TextStyle.Italic));
            }

            if (e.Status == EventStatus.Moved)
            {
                runs.Add(new TextRun(" (moved)", TextStyle.Bold));
            }

            if (e.Confirmed)
            {
                runs.Add(new TextRun(" ✔"));
            }

            if (e.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                runs.Add(new TextRun(" "));
                runs.Add(new LinkRun("↗", url));
            }

            body.Add(new Paragraph(runs));
        }

        var title = label is null
            ? "Upcoming events"
            : $"Events within {radius.ToString("0.#", CultureInfo.InvariantCulture)} km of {label}";
        var venueEvent = shareVenue ? matches.Select(m => m.Event).FirstOrDefault(e => e.Place is not null) : null;
        return new OutgoingMessage
        {
            Title = title,
            Body = body,
            Venue = venueEvent is { Place: { } p }
                ? new MessageVenue(p.Location.Latitude, p.Location.Longitude, venueEvent.Title, EventLabels.Where(venueEvent))
                : null,
        };
    }

    private static (string? Place, double Radius) SplitRadius(string? text, double radius)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, radius);
        }

        // "/events Leeds 10" (radius typed after the place).
        var m = TrailingNumber().Match(text);
        if (m.Success && double.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var typed) && typed is >= 1 and <= 500)
        {
            return (text[..m.Index].Trim(), typed);
        }

        return (text.Trim(), radius);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    [GeneratedRegex(@"\s+(?<n>\d{1,3}(?:\.\d+)?)\s*(?:km)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingNumber();
}
