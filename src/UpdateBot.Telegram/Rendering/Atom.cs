namespace UpdateBot.Telegram.Rendering;

/// <summary>
/// The smallest piece a message is split between: a sentence (or less) of one run, rendered both as balanced
/// Telegram HTML and as plain text. Splitting only ever happens between atoms, so never inside a tag or entity.
/// </summary>
internal readonly record struct Atom(string Html, string Plain);
