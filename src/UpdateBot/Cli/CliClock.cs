using System.Globalization;
using UpdateBot.Core;

namespace UpdateBot.Cli;

/// <summary>Reads --now and --tz for the one-shot verbs: a fixed instant in tests and scripts, else the clock.</summary>
internal static class CliClock
{
    public static DateTimeOffset Now(CliArguments args, TimeProvider time)
    {
        var value = args.Option("now");
        if (value is null)
        {
            return time.GetUtcNow();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
            ? now
            : throw new CliException($"--now '{value}' is not an ISO 8601 date and time (e.g. 2016-06-29T15:00:00+01:00).");
    }

    public static TimeZoneInfo Zone(CliArguments args, string fallback)
    {
        var id = args.Option("tz") ?? fallback;
        return TimeZones.TryFind(id, out var zone)
            ? zone
            : throw new CliException($"--tz '{id}' is not a known IANA time zone (e.g. Europe/London).");
    }
}
