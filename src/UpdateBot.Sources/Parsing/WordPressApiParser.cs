using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

internal static class WordPressApiParser
{
    public static FeedSnapshot Parse(string text, Uri? baseUrl, PageContext page, string sourceName) => new(null, FeedKind.Unknown, "todo", []);
}
