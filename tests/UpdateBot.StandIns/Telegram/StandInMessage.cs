using System.Text.Json.Nodes;

namespace UpdateBot.StandIns.Telegram;

/// <summary>A message the bot sent, as the stand-in recorded it, including later edits and deletion.</summary>
public sealed record StandInMessage
{
    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    /// <summary>Order of arrival across all chats.</summary>
    public required long Sequence { get; init; }

    /// <summary>"sendMessage", "sendPhoto", "sendVenue", "sendLocation".</summary>
    public required string Method { get; init; }

    /// <summary>Text (or caption) as sent, markup included.</summary>
    public string? Text { get; init; }

    /// <summary>Text (or caption) as users see it: tags removed, entities decoded.</summary>
    public string? VisibleText { get; init; }

    /// <summary>parse_mode as sent ("Html", "HTML", null for plain text).</summary>
    public string? ParseMode { get; init; }

    public string? PhotoUrl { get; init; }

    public bool LinkPreviewDisabled { get; init; }

    /// <summary>reply_markup as sent (JSON), or null.</summary>
    public JsonNode? ReplyMarkup { get; init; }

    public (double Latitude, double Longitude)? Location { get; init; }

    public string? VenueTitle { get; init; }

    public int EditCount { get; init; }

    public bool Deleted { get; init; }

    /// <summary>callback_data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()).Select(b => (string?)b["callback_data"]).OfType<string>().ToList()
            : [];
}
