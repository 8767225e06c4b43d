namespace UpdateBot.Telegram.Rendering;

/// <summary>One Telegram message's worth of text: HTML, and the same content as plain text for the fallback.</summary>
internal sealed record RenderedPart(string Html, string Plain);
