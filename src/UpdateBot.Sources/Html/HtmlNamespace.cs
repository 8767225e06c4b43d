namespace UpdateBot.Sources.Html;

/// <summary>The namespace an element was created in: HTML, or foreign content inside <c>svg</c> or <c>math</c>.</summary>
internal enum HtmlNamespace
{
    Html,
    Svg,
    MathMl,
}
