namespace UpdateBot.StandIns.Discord;

/// <summary>An interaction the stand-in dispatched, and how the bot has answered it so far.</summary>
public sealed record StandInInteraction
{
    public required string Id { get; init; }

    public required string Token { get; init; }

    public required int Type { get; init; }

    public required string ChannelId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The message whose button was pressed (component interactions).</summary>
    public string? ComponentMessageId { get; init; }

    /// <summary>The first callback's type, once answered.</summary>
    public int? CallbackType { get; init; }

    /// <summary>The message standing for the first response (@original).</summary>
    public string? OriginalMessageId { get; init; }

    /// <summary>Autocomplete choices, when the answer was type 8.</summary>
    public System.Text.Json.Nodes.JsonArray? Choices { get; init; }

    /// <summary>Callbacks refused for arriving after the deadline (10062) or twice (40060).</summary>
    public int RefusedCallbacks { get; init; }
}
