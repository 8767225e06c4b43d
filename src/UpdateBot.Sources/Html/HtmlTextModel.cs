namespace UpdateBot.Sources.Html;

/// <summary>How the tokenizer reads the text after a start tag, as the tree builder tells it.</summary>
internal enum HtmlTextModel
{
    /// <summary>Markup and character references.</summary>
    Data,

    /// <summary>Text with character references, up to the matching end tag (<c>title</c>, <c>textarea</c>).</summary>
    RcData,

    /// <summary>Raw text up to the matching end tag (<c>style</c>, <c>iframe</c>, <c>xmp</c>, ...).</summary>
    RawText,

    /// <summary>A script's text, up to its end tag outside an escaped <c>&lt;!-- &lt;script&gt;</c> section.</summary>
    ScriptData,

    /// <summary>Everything to the end of the input (<c>plaintext</c>).</summary>
    PlainText,
}
