using System.Globalization;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;
using UpdateBot.Events.Extraction;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Commands;

/// <summary>
/// Moderators' /event add|edit|cancel. Fields are separated by "|":
/// add "2024-03-16 14:00 | Leeds | Rally for jobs | Millennium Square";
/// edit "&lt;id&gt; | 2024-03-16 15:00 | | | Town Hall steps" (empty fields are kept); cancel "&lt;id&gt;".
/// Such events are marked confirmed.
/// </summary>
internal sealed class EventCommand(EventIndex index, IPlaceDirectory places, FeedTimeZones zones, IOptions<EventsOptions> options) : ICommand
{
    public const string Source = "moderators";

    public CommandDefinition Definition { get; } = new("event", "Add, edit or cancel an event (moderators)")
    {
        Audience = CommandAudience.Moderators,
        Options =
        [
            new CommandOption("action", "add, edit or cancel") { Required = true, Choices = ["add", "edit", "cancel"] },
            new CommandOption("details", "add: when | place | title [| venue]; edit: id | when | place | title | venue; cancel: id") { Required = true, Rest = true },
        ],
        Examples = ["/event add 2024-03-16 14:00 | Leeds | Rally for jobs | Millennium Square", "/event cancel moderators/1"],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var fields = (context.Arguments.Text("details") ?? "").Split('|').Select(f => f.Trim()).ToArray();
        var response = context.Arguments.Text("action")?.ToLowerInvariant() switch
        {
            "add" => Add(fields, context),
            "edit" => Edit(fields),
            "cancel" => Cancel(fields),
            _ => CommandResponse.Error("Use /event add, /event edit or /event cancel."),
        };
        return Task.FromResult(response);
    }

    private CommandResponse Add(string[] f, CommandContext context)
    {
        if (f.Length < 3 || f[2].Length == 0)
        {
            return CommandResponse.Error("Usage: /event add <yyyy-mm-dd hh:mm> | <place> | <title> [| venue]. Nothing was added.");
        }

        if (!TryWhen(f[0], out var start, out var timeKnown))
        {
            return CommandResponse.Error($"\"{f[0]}\" is not a date and time like 2024-03-16 14:00. Nothing was added.");
        }

        var place = f[1].Length == 0 ? null : places.Find(f[1], Region());
        if (f[1].Length > 0 && place is null)
        {
            return CommandResponse.Error($"I don't know a place called \"{f[1]}\". Nothing was added.");
        }

        var id = $"{Source}/{context.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        var record = new EventRecord
        {
            Id = id,
            Title = f[2],
            Kind = EventKinds.Find(f[2]).Select(k => k.Kind).FirstOrDefault() ?? "event",
            Start = start,
            TimeKnown = timeKnown,
            Place = place,
            Venue = f.Length > 3 && f[3].Length > 0 ? f[3] : null,
            EntryId = id,
            SourceName = Source,
            Confirmed = true,
        };
        index.Put(record);
        return CommandResponse.Reply($"Added {record.Title} on {EventLabels.When(record, zones.Default)} (id {id}).");
    }

    private CommandResponse Edit(string[] f)
    {
        if (f.Length < 2 || index.Get(f[0]) is not { } existing)
        {
            return CommandResponse.Error("Usage: /event edit <id> | <when> | <place> | <title> | <venue> (empty fields are kept). No event has that id.");
        }

        var updated = existing with { Status = existing.Status == EventStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Moved };
        if (f.Length > 1 && f[1].Length > 0)
        {
            if (!TryWhen(f[1], out var start, out var timeKnown))
            {
                return CommandResponse.Error($"\"{f[1]}\" is not a date and time like 2024-03-16 14:00. Nothing was changed.");
            }

            updated = updated with { Start = start, TimeKnown = timeKnown, PartOfDay = null };
        }

        if (f.Length > 2 && f[2].Length > 0)
        {
            if (places.Find(f[2], Region()) is not { } place)
            {
                return CommandResponse.Error($"I don't know a place called \"{f[2]}\". Nothing was changed.");
            }

            updated = updated with { Place = place };
        }

        if (f.Length > 3 && f[3].Length > 0)
        {
            updated = updated with { Title = f[3] };
        }

        if (f.Length > 4 && f[4].Length > 0)
        {
            updated = updated with { Venue = f[4] };
        }

        index.Put(updated);
        return CommandResponse.Reply($"Updated {updated.Title}: {EventLabels.When(updated, zones.Default)}, {EventLabels.Where(updated)}.");
    }

    private CommandResponse Cancel(string[] f)
    {
        if (f.Length < 1 || index.Get(f[0]) is not { } existing)
        {
            return CommandResponse.Error("Usage: /event cancel <id>. No event has that id.");
        }

        index.Put(existing with { Status = EventStatus.Cancelled });
        return CommandResponse.Reply($"Cancelled {existing.Title} ({EventLabels.When(existing, zones.Default)}).");
    }

    private bool TryWhen(string text, out DateTimeOffset start, out bool timeKnown)
    {
        var zone = zones.Default;
        start = default;
        timeKnown = true;
        string[] withTime = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd H:mm"];
        if (DateTime.TryParseExact(text, withTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            start = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            timeKnown = false;
            start = new DateTimeOffset(day, zone.GetUtcOffset(day));
            return true;
        }

        return false;
    }

    private string Region() => options.Value.Region ?? RegionHints.ForZone(zones.Default) ?? "GB";
}
