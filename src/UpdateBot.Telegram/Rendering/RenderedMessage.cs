using Telegram.Bot.Types.ReplyMarkups;

namespace UpdateBot.Telegram.Rendering;

/// <summary>An outgoing message as Telegram will receive it: a photo with caption, or one or more text parts.</summary>
internal sealed record RenderedMessage(IReadOnlyList<RenderedPart> Parts, InlineKeyboardMarkup? Keyboard)
{
    /// <summary>Set when the message goes out as a photo: its URL, with <see cref="Caption"/> as its caption.</summary>
    public string? PhotoUrl { get; init; }

    public RenderedPart? Caption { get; init; }

    public bool IsEmpty => Parts.Count == 0 && Caption is null;
}
