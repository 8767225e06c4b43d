using System.Text.Json.Nodes;

namespace UpdateBot.StandIns.Telegram;

/// <summary>One Bot API call as received: method (as written in the URL), parameters, and the status answered.</summary>
public sealed record RecordedRequest(string Method, JsonObject Parameters, int Status)
{
    /// <summary>When the request arrived (the stand-in's clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
