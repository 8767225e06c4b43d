using AngleSharp.Dom;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

internal static class WordPressHtmlParser
{
    public static FeedSnapshot? TryParse(IDocument document, PageContext page, Uri? baseUrl, string sourceName) => null;
}
