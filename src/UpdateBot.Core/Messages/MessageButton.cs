namespace UpdateBot.Core.Messages;

/// <summary>
/// A button under a message. Pressing it comes back to the core as a callback with <see cref="Data"/>
/// (at most 64 bytes, Telegram's limit; Discord's custom_id allows 100).
/// </summary>
public sealed record MessageButton(string Label, string Data, ButtonStyle Style = ButtonStyle.Secondary);
