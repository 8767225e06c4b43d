using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;

namespace UpdateBot.Core.Delivery;

/// <summary>One message standing in for many entries, sent to a chat that fell too far behind.</summary>
public static class DigestComposer
{
    /// <summary>Entries listed one per line; the rest are counted.</summary>
    public const int MaxListed = 15;

    public static OutgoingMessage Compose(IReadOnlyList<Entry> entries, Func<string, TimeZoneInfo> zoneFor)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zoneFor);
        var body = new List<Paragraph>();
        foreach (var entry in entries.Take(MaxListed))
        {
            var label = TimeLabels.Short(entry.Published, zoneFor(entry.SourceName));
            var headline = Headline(entry);
            Inline text = entry.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? new LinkRun(headline, url)
                : new TextRun(headline);
            body.Add(Paragraph.Of(new TextRun(label, TextStyle.Bold), new TextRun(" "), text));
        }

        if (entries.Count > MaxListed)
        {
            body.Add(Paragraph.Of($"… and {entries.Count - MaxListed} more. /latest shows the newest.", TextStyle.Italic));
        }

        return new OutgoingMessage
        {
            Title = entries.Count == 1 ? "1 new entry" : $"{entries.Count} new entries",
            Body = body,
            Footer = string.Join(" · ", entries.Select(e => e.SourceName).Distinct(StringComparer.OrdinalIgnoreCase)),
            Tone = MessageTone.Entry,
        };
    }

    private static string Headline(Entry entry)
    {
        var text = !string.IsNullOrWhiteSpace(entry.Title) ? entry.Title : entry.Paragraphs.FirstOrDefault() ?? entry.Text;
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 119), "…");
    }
}
