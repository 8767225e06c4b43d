using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Messages;

/// <summary>Turns an entry into the message readers see, the same on every platform before rendering.</summary>
public static class EntryComposer
{
    public static OutgoingMessage Compose(Entry entry, TimeZoneInfo zone, ChangeKind change = ChangeKind.Added)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(zone);
        var body = new List<Paragraph>();
        if (change == ChangeKind.Removed)
        {
            body.Add(Paragraph.Of("This entry was withdrawn by its source.", TextStyle.Italic));
        }

        foreach (var text in entry.Paragraphs)
        {
            body.Add(Linkify(text, entry.Links, change == ChangeKind.Removed ? TextStyle.Strike : TextStyle.Plain));
        }

        var image = entry.Media.FirstOrDefault(m => m.Kind == MediaKind.Image)?.Url;
        var footer = entry.Kind == EntryKind.Breaking ? "Breaking" : entry.SourceName;
        if (change == ChangeKind.Updated)
        {
            footer += " · updated";
        }

        return new OutgoingMessage
        {
            Title = entry.Title,
            TitleUrl = entry.Url,
            Timestamp = entry.Published,
            TimeLabel = TimeLabels.Short(entry.Published, zone),
            Body = body,
            ImageUrl = image,
            Footer = footer,
            Tone = change == ChangeKind.Removed ? MessageTone.Retracted
                : entry.Kind == EntryKind.Breaking ? MessageTone.Breaking
                : MessageTone.Entry,
        };
    }

    /// <summary>Turns the visible text of known links, where it occurs in a paragraph, into link runs.</summary>
    internal static Paragraph Linkify(string text, IReadOnlyList<EntryLink> links, TextStyle style)
    {
        var runs = new List<Inline>();
        var position = 0;
        while (position < text.Length)
        {
            var (link, at) = FirstLink(text, position, links);
            if (link is null)
            {
                runs.Add(new TextRun(text[position..], style));
                break;
            }

            if (at > position)
            {
                runs.Add(new TextRun(text[position..at], style));
            }

            runs.Add(new LinkRun(link.Text, link.Url));
            position = at + link.Text.Length;
        }

        return new Paragraph(runs);
    }

    private static (EntryLink? Link, int At) FirstLink(string text, int from, IReadOnlyList<EntryLink> links)
    {
        EntryLink? best = null;
        var bestAt = int.MaxValue;
        foreach (var link in links)
        {
            if (link.Text.Length == 0 || !IsWebUrl(link.Url))
            {
                continue;
            }

            var at = text.IndexOf(link.Text, from, StringComparison.Ordinal);
            if (at >= 0 && (at < bestAt || (at == bestAt && link.Text.Length > best!.Text.Length)))
            {
                best = link;
                bestAt = at;
            }
        }

        return (best, bestAt);
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
