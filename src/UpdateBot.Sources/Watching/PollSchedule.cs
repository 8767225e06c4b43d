using UpdateBot.Core.Sources;

namespace UpdateBot.Sources.Watching;

/// <summary>
/// The next delay for a source: its PollInterval while things happen; stretched in quiet stretches; at least the
/// server's Cache-Control max-age and Retry-After; exponential backoff with jitter after failures — never longer
/// than MaxPollInterval (default 5 × PollInterval).
/// </summary>
internal static class PollSchedule
{
    public static TimeSpan Max(SourceDefinition source) =>
        source.MaxPollInterval is { } max && max >= source.PollInterval ? max : source.PollInterval * 5;

    public static TimeSpan AfterSuccess(SourceDefinition source, int quietPolls, TimeSpan? maxAge, TimeSpan? retryAfter)
    {
        var max = Max(source);
        var stretch = 1 + (Math.Max(0, quietPolls - 2) * 0.5);
        var delay = Min(source.PollInterval * stretch, max);
        if (maxAge is { } age && age > delay)
        {
            delay = Min(age, max);
        }

        if (retryAfter is { } retry && retry > delay)
        {
            delay = Min(retry, max);
        }

        return delay;
    }

    public static TimeSpan AfterFailure(SourceDefinition source, int failures, TimeSpan? retryAfter, double jitter)
    {
        var max = Max(source);
        var exponent = Math.Min(Math.Max(0, failures - 1), 10);
        var backoff = source.PollInterval * Math.Pow(2, exponent);
        var jittered = backoff * (0.8 + (0.4 * Math.Clamp(jitter, 0, 1)));
        var delay = Min(jittered, max);
        if (retryAfter is { } retry && retry > delay)
        {
            delay = Min(retry, max);
        }

        return delay;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
