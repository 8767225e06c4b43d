using System.Globalization;
using UpdateBot.Events.Cli;

namespace UpdateBot.Cli;

/// <summary>`events`: the demos, rallies and meetings found in a live blog's entries, as JSON lines or a calendar.</summary>
internal static class EventsVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (snapshot, zone) = await SnapshotLoader.LoadAsync(args, args.Option("feed-format") ?? "auto", cancellationToken);
        var radius = 25d;
        if (args.Option("radius-km") is { } value
            && (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out radius) || radius <= 0 || radius > 20_000))
        {
            throw new CliException($"--radius-km '{value}' is not a positive number of kilometres.");
        }

        var format = args.Option("format") ?? "jsonl";
        if (format is not ("jsonl" or "ics"))
        {
            throw new CliException($"--format '{format}' must be jsonl or ics.");
        }

        var options = new EventCliOptions
        {
            Now = CliClock.Now(args, TimeProvider.System),
            TimeZone = zone.Id,
            Near = args.Option("near"),
            RadiusKm = radius,
            All = args.Has("all"),
            Format = format,
        };
        return EventCli.Run(snapshot.Entries, options, output, error, TimeProvider.System);
    }
}
