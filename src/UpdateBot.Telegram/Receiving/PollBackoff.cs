using Telegram.Bot.Exceptions;

namespace UpdateBot.Telegram.Receiving;

/// <summary>
/// How long to wait after a failed getUpdates: exponential from 1 s to 60 s with jitter, and never less than a
/// retry_after Telegram asked for. Telegram.Bot's own loop would retry at once.
/// </summary>
internal static class PollBackoff
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    public static TimeSpan For(int consecutiveFailures, Exception exception, double jitter)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 6);
        var ceiling = TimeSpan.FromSeconds(Math.Min(Max.TotalSeconds, Math.Pow(2, exponent)));

        // Between half and all of the ceiling, so many bots restarting together do not poll in step.
        var delay = ceiling * (0.5 + (Math.Clamp(jitter, 0, 1) / 2));
        if (exception is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: int retryAfter } && retryAfter > 0)
        {
            delay = TimeSpan.FromSeconds(Math.Max(delay.TotalSeconds, retryAfter));
        }

        return delay;
    }
}
