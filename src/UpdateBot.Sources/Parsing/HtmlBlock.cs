using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>One block of a page's text in reading order: a paragraph (with its links and images) or a timestamp heading.</summary>
internal sealed class HtmlBlock(HtmlElement element, ReadOnlyMemory<char> content)
{
    private string? text;

    public HtmlBlock(HtmlElement element, string text)
        : this(element, text.AsMemory())
    {
        this.text = text;
    }

    public HtmlElement Element { get; } = element;

    /// <summary>The block's text, as a slice of the walk's text buffer.</summary>
    public ReadOnlyMemory<char> Content { get; } = content;

    /// <summary>The block's text as a string (made on first use).</summary>
    public string Text => text ??= Content.ToString();

    public TimestampParts? Timestamp { get; init; }

    /// <summary>Text beside a timestamp in its heading (an author name), if any.</summary>
    public string? Byline { get; init; }

    /// <summary>The date this block is, when it is a date and nothing else ("Jul 18, 2025"): a day heading or a time's date.</summary>
    public TimestampParts? Date { get; init; }

    /// <summary>The headline after the timestamp in a heading ("11.04 Uhr: Talks resume"), if any.</summary>
    public string? Headline { get; init; }

    public bool IsHeading { get; init; }

    /// <summary>The chrome elements around this block, if any (see <see cref="ChromeFilter"/>).</summary>
    public ChromeChain? Chrome { get; init; }

    public IReadOnlyList<EntryLink> Links { get; init; } = [];

    public IReadOnlyList<EntryMedia> Media { get; init; } = [];

    /// <summary>This block as plain text: its time is not an entry's.</summary>
    public HtmlBlock WithoutTimestamp() => new(Element, Text) { Chrome = Chrome };
}
