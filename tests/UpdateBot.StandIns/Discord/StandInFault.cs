namespace UpdateBot.StandIns.Discord;

/// <summary>A fault answered to the next request matching <see cref="Method"/> and <see cref="PathContains"/>.</summary>
public sealed record StandInFault(string Method, string PathContains, StandInFaultKind Kind)
{
    /// <summary>retry_after for 429s (seconds, may have decimals).</summary>
    public double RetryAfterSeconds { get; init; } = 1.5;

    /// <summary>How many requests in a row get this fault.</summary>
    public int Times { get; init; } = 1;
}
