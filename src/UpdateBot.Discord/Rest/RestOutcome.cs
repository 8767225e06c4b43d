namespace UpdateBot.Discord.Rest;

internal enum RestOutcome
{
    /// <summary>2xx.</summary>
    Success,

    /// <summary>429 (the bucket or the whole client is paused for <see cref="RestResponse.RetryAfter"/>).</summary>
    RateLimited,

    /// <summary>5xx, a timeout or a dropped connection.</summary>
    ServerError,

    /// <summary>Another 4xx: Discord refused the request.</summary>
    ClientError,

    /// <summary>Not sent: the client stopped itself (bad token, invalid-request budget spent, destination refused before).</summary>
    Refused,
}
