namespace UpdateBot.Sources.Html;

/// <summary>
/// A parsed page. <see cref="Parse"/> follows the HTML standard's tokenizer and the parts of its tree construction
/// that decide where content ends up (implied and misnested tags, tables, foreign content, raw text), so that a
/// page reads as it does in a browser; it keeps no comments, doctype or source positions, which the parsers never use.
/// </summary>
internal sealed class HtmlDocument
{
    internal HtmlDocument(HtmlElement documentElement, HtmlElement? head, HtmlElement? body)
    {
        DocumentElement = documentElement;
        Head = head;
        Body = body;
    }

    public HtmlElement DocumentElement { get; }

    public HtmlElement? Head { get; }

    public HtmlElement? Body { get; }

    /// <summary>The text of the first HTML <c>title</c>, whitespace collapsed and trimmed, or "".</summary>
    public string Title
    {
        get
        {
            var title = DocumentElement.FirstDescendant(static e => e.LocalName == "title" && e.Namespace == HtmlNamespace.Html);
            return title is null ? "" : string.Join(' ', title.TextContent.Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));
        }
    }

    public static HtmlDocument Parse(string html) => new HtmlTreeBuilder(html).Build();

    /// <summary>The document element itself or the first descendant that matches.</summary>
    public HtmlElement? Find(Func<HtmlElement, bool> match) =>
        match(DocumentElement) ? DocumentElement : DocumentElement.FirstDescendant(match);

    /// <summary>Every element, the document element first, in document order.</summary>
    public IEnumerable<HtmlElement> All()
    {
        yield return DocumentElement;
        foreach (var element in DocumentElement.Descendants())
        {
            yield return element;
        }
    }

    public HtmlElement? GetElementById(string id) => Find(e => e.Id == id);
}
