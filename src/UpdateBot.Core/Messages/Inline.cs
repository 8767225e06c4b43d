namespace UpdateBot.Core.Messages;

/// <summary>
/// A piece of text inside a paragraph. Adapters escape every <see cref="Text"/> for their platform;
/// nothing in a message is ever passed through as markup.
/// </summary>
public abstract record Inline(string Text);

/// <summary>Plain text, optionally emphasised.</summary>
public sealed record TextRun(string Text, TextStyle Style = TextStyle.Plain) : Inline(Text);

/// <summary>Text that links to an absolute http(s) URL.</summary>
public sealed record LinkRun(string Text, string Url) : Inline(Text);
