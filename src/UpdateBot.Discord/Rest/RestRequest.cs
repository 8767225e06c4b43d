using System.Text.Json.Nodes;

namespace UpdateBot.Discord.Rest;

/// <summary>One REST call: path relative to /v10 ("channels/1/messages"), an optional JSON body.</summary>
internal sealed record RestRequest(HttpMethod Method, string Path, JsonNode? Body = null)
{
    /// <summary>Safe to repeat (GET, PUT, PATCH, DELETE): 5xx and 429 are retried inside the client.</summary>
    public bool Retry { get; init; }

    /// <summary>Longest wait for the rate limit before the call gives up with RateLimited; null waits as long as needed.</summary>
    public TimeSpan? MaxWait { get; init; }
}
