namespace UpdateBot.Sources.Html;

/// <summary>One attribute: its name in lower case (as the tokenizer gives it) and its decoded value.</summary>
internal readonly record struct HtmlAttribute(string Name, string Value);
