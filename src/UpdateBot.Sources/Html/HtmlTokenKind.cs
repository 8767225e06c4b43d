namespace UpdateBot.Sources.Html;

internal enum HtmlTokenKind
{
    EndOfFile,
    Text,
    StartTag,
    EndTag,
    Doctype,
}
