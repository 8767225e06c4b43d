using System.Text.Json.Nodes;

namespace UpdateBot.StandIns.Discord;

/// <summary>An interaction callback the bot made, and whether Discord would have accepted it.</summary>
public sealed record StandInCallback(string InteractionId, int Type, JsonNode? Data, int Status, DateTimeOffset At);
