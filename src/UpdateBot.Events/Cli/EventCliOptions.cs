using System.Globalization;

namespace UpdateBot.Events.Cli;

/// <summary>Options of the <c>events</c> verb (after the feed's URL or path).</summary>
public sealed record EventCliOptions
{
    public DateTimeOffset? Now { get; init; }

    public string TimeZone { get; init; } = "Europe/London";

    public string? Near { get; init; }

    public double RadiusKm { get; init; } = 25;

    public bool All { get; init; }

    public string Format { get; init; } = "jsonl";

    /// <summary>Parses "--now ISO --tz IANA --near PLACE --radius-km N --all --format jsonl|ics"; an error text when invalid.</summary>
    public static (EventCliOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new EventCliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (name)
            {
                case "--all":
                    o = o with { All = true };
                    break;
                case "--now":
                    if (!DateTimeOffset.TryParse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now))
                    {
                        return (null, "--now needs an ISO 8601 time, e.g. 2016-06-28T12:00:00+01:00");
                    }

                    o = o with { Now = now };
                    break;
                case "--tz":
                    var tz = Value();
                    if (!Core.TimeZones.TryFind(tz, out _))
                    {
                        return (null, $"--tz: unknown time zone '{tz}' (use an IANA id such as Europe/London)");
                    }

                    o = o with { TimeZone = tz! };
                    break;
                case "--near":
                    var near = Value();
                    if (string.IsNullOrWhiteSpace(near))
                    {
                        return (null, "--near needs a place name");
                    }

                    o = o with { Near = near };
                    break;
                case "--radius-km":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || radius <= 0 || radius > 20_000)
                    {
                        return (null, "--radius-km needs a positive number of kilometres");
                    }

                    o = o with { RadiusKm = radius };
                    break;
                case "--format":
                    var format = Value()?.ToLowerInvariant();
                    if (format is not ("jsonl" or "ics"))
                    {
                        return (null, "--format must be jsonl or ics");
                    }

                    o = o with { Format = format };
                    break;
                default:
                    return (null, $"unknown option '{name}'");
            }
        }

        return (o, null);
    }
}
