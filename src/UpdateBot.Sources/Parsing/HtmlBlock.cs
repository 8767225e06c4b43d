using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>One block of a page's text in reading order: a paragraph (with its links and images) or a timestamp heading.</summary>
internal sealed class HtmlBlock(HtmlElement element, string text)
{
    public HtmlElement Element { get; } = element;

    public string Text { get; } = text;

    public TimestampParts? Timestamp { get; init; }

    /// <summary>Text beside a timestamp in its heading (an author name), if any.</summary>
    public string? Byline { get; init; }

    public bool IsHeading { get; init; }

    /// <summary>The chrome elements around this block, if any (see <see cref="ChromeFilter"/>).</summary>
    public ChromeChain? Chrome { get; init; }

    public IReadOnlyList<EntryLink> Links { get; init; } = [];

    public IReadOnlyList<EntryMedia> Media { get; init; } = [];
}
