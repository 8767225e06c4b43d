using System.Text.Json.Nodes;

namespace UpdateBot.StandIns.Telegram;

/// <summary>A Bot API response: HTTP status equals error_code; a 429 also carries Retry-After.</summary>
internal readonly record struct ApiAnswer(int Status, JsonObject Body, int? RetryAfter = null)
{
    public static ApiAnswer Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static ApiAnswer Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return new ApiAnswer(code, body);
    }

    public static ApiAnswer TooManyRequests(int retryAfter) =>
        Error(429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter }) with { RetryAfter = retryAfter };
}
