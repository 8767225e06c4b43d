using System.Text.Json;

namespace UpdateBot.Discord.Rest;

/// <summary>What one REST call came to. Never carries the token.</summary>
internal sealed record RestResponse(RestOutcome Outcome, int StatusCode)
{
    /// <summary>The JSON body (cloned), when there was one.</summary>
    public JsonElement? Body { get; init; }

    /// <summary>Discord's JSON error code (50013, 10003...).</summary>
    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccess => Outcome == RestOutcome.Success;

    public string Describe() =>
        ErrorCode is { } code ? $"HTTP {StatusCode} (code {code}): {ErrorMessage}" : $"HTTP {StatusCode}: {ErrorMessage ?? Outcome.ToString()}";
}
