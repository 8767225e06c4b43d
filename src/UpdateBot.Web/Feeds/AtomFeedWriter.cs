using System.Globalization;
using System.Text;
using System.Xml;

namespace UpdateBot.Web.Feeds;

/// <summary>Writes an Atom 1.0 (RFC 4287) document.</summary>
internal static class AtomFeedWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(FeedDocument feed)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, feed.Id);
            xml.WriteElementString("title", AtomNamespace, FeedText.XmlSafe(feed.Title));
            xml.WriteElementString("updated", AtomNamespace, Rfc3339(feed.Updated));
            Link(xml, "self", feed.SelfUrl, "application/atom+xml");
            Link(xml, "alternate", feed.HomeUrl, "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, FeedText.XmlSafe(feed.Title));
            xml.WriteEndElement();
            xml.WriteStartElement("generator", AtomNamespace);
            xml.WriteString("UpdateBot");
            xml.WriteEndElement();

            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, FeedIds.For(entry));
                xml.WriteElementString("title", AtomNamespace, FeedText.XmlSafe(FeedText.Title(entry)));
                xml.WriteElementString("published", AtomNamespace, Rfc3339(entry.Published));
                xml.WriteElementString("updated", AtomNamespace, Rfc3339(entry.Updated ?? entry.Published));
                if (FeedText.IsHttp(entry.Url))
                {
                    Link(xml, "alternate", entry.Url!, "text/html");
                }

                if (!string.IsNullOrWhiteSpace(entry.Author))
                {
                    xml.WriteStartElement("author", AtomNamespace);
                    xml.WriteElementString("name", AtomNamespace, FeedText.XmlSafe(entry.Author));
                    xml.WriteEndElement();
                }

                Category(xml, entry.SourceName);
                if (entry.Kind == Core.Entries.EntryKind.Breaking)
                {
                    Category(xml, "breaking");
                }

                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(FeedText.XmlSafe(FeedText.Html(entry)));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", FeedText.XmlSafe(href));
        xml.WriteEndElement();
    }

    private static void Category(XmlWriter xml, string term)
    {
        xml.WriteStartElement("category", AtomNamespace);
        xml.WriteAttributeString("term", FeedText.XmlSafe(term));
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
