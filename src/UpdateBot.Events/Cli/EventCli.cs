using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Events.Calendar;

namespace UpdateBot.Events.Cli;

/// <summary>
/// The <c>events</c> verb: the host reads the feed (URL or path) into entries and calls <see cref="Run"/> with the
/// remaining options. Exit codes: 0 done, 2 bad options.
/// </summary>
public static class EventCli
{
    public const string Usage = "events <url-or-path> [--now ISO] [--tz IANA] [--near PLACE] [--radius-km N] [--all] [--format jsonl|ics]";

    public static int Run(IReadOnlyList<Entry> entries, IReadOnlyList<string> options, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (parsed, problem) = EventCliOptions.Parse(options);
        if (parsed is null)
        {
            error.WriteLine($"events: {problem}");
            error.WriteLine($"usage: {Usage}");
            return 2;
        }

        return Run(entries, parsed, output, error, time);
    }

    public static int Run(IReadOnlyList<Entry> entries, EventCliOptions options, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        var zone = Core.TimeZones.Find(options.TimeZone);
        var region = RegionHints.ForZone(zone);
        var now = options.Now ?? time.GetUtcNow();
        Core.Chats.GeoPoint? center = null;
        if (options.Near is { } near)
        {
            var place = Gazetteer.Directory.Find(near, region);
            if (place is null)
            {
                error.WriteLine($"events: no place called '{near}' in the gazetteer");
                return 2;
            }

            center = place.Location;
        }

        var index = new EventIndex(new EventExtractor(), region);
        index.ObserveMany(entries, zone);
        var matches = index.Query(new EventQuery
        {
            Now = now,
            Center = center,
            RadiusKm = options.RadiusKm,
            IncludeCancelled = options.All,
            IncludePast = options.All,
        });

        if (options.Format == "ics")
        {
            output.Write(IcsCalendarWriter.Write(matches.Select(m => m.Event), zone, now));
        }
        else
        {
            foreach (var m in matches)
            {
                output.WriteLine(EventJsonLines.Line(m.Event, zone));
            }
        }

        return 0;
    }
}
