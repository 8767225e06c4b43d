using System.Text.Json.Nodes;

namespace UpdateBot.StandIns.Discord;

/// <summary>A message as the stand-in stored it, with the exact JSON the bot sent for it.</summary>
public sealed record StandInMessage
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    public string? Content { get; init; }

    public JsonArray Embeds { get; init; } = [];

    public JsonNode? AllowedMentions { get; init; }

    public JsonNode? Components { get; init; }

    public string? Nonce { get; init; }

    public int Flags { get; init; }

    /// <summary>"rest", "interaction", "followup" or "deferred".</summary>
    public string Origin { get; init; } = "rest";

    public string? InteractionId { get; init; }

    public bool Deleted { get; init; }

    public int Edits { get; init; }

    public bool Ephemeral => (Flags & 64) != 0;

    /// <summary>Visible text: content plus embed titles, descriptions and footers.</summary>
    public string Text =>
        string.Join("\n", new[] { Content }.Concat(Embeds.OfType<JsonObject>().SelectMany(e => new[]
        {
            e["title"]?.GetValue<string>(), e["description"]?.GetValue<string>(), e["footer"]?["text"]?.GetValue<string>(),
        })).Where(s => s is not null));
}
