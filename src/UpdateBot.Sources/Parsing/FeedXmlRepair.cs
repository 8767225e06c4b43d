using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Fixes what real feeds get wrong before a second, forgiving parse: HTML entities XML does not know, bare
/// ampersands, undeclared namespace prefixes, a DOCTYPE, junk before the root element.
/// </summary>
internal static partial class FeedXmlRepair
{
    [GeneratedRegex(@"&(?:(?<name>[A-Za-z][A-Za-z0-9]{1,31});|(?<num>#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};))?", RegexOptions.CultureInvariant)]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"</?(?<p>[A-Za-z_][\w.\-]*):[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixUse();

    [GeneratedRegex(@"<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Doctype();

    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["xhtml"] = "http://www.w3.org/1999/xhtml",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
    };

    public static string Repair(string xml)
    {
        var start = xml.IndexOf('<', StringComparison.Ordinal);
        if (start > 0)
        {
            xml = xml[start..];
        }

        xml = Doctype().Replace(xml, "");
        xml = Ampersand().Replace(xml, m =>
        {
            if (m.Groups["num"].Success)
            {
                return m.Value;
            }

            if (!m.Groups["name"].Success)
            {
                return "&amp;";
            }

            var name = m.Groups["name"].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }

            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded == m.Value)
            {
                return "&amp;" + name + ";";
            }

            var builder = new StringBuilder();
            foreach (var rune in decoded.EnumerateRunes())
            {
                builder.Append("&#").Append(rune.Value).Append(';');
            }

            return builder.ToString();
        });
        return DeclarePrefixes(xml);
    }

    private static string DeclarePrefixes(string xml)
    {
        var used = PrefixUse().Matches(xml).Select(m => m.Groups["p"].Value).Where(p => p is not "xml" and not "xmlns").ToHashSet(StringComparer.Ordinal);
        var missing = used.Where(p => !xml.Contains("xmlns:" + p + "=", StringComparison.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return xml;
        }

        var root = FindRootStart(xml);
        if (root < 0)
        {
            return xml;
        }

        var nameEnd = root + 1;
        while (nameEnd < xml.Length && !char.IsWhiteSpace(xml[nameEnd]) && xml[nameEnd] is not '>' and not '/')
        {
            nameEnd++;
        }

        var declarations = string.Concat(missing.Select(p => $" xmlns:{p}=\"{KnownPrefixes.GetValueOrDefault(p, "urn:undeclared:" + p)}\""));
        return xml[..nameEnd] + declarations + xml[nameEnd..];
    }

    private static int FindRootStart(string xml)
    {
        var i = 0;
        while ((i = xml.IndexOf('<', i)) >= 0)
        {
            if (i + 1 < xml.Length && xml[i + 1] is not '?' and not '!')
            {
                return i;
            }

            i++;
        }

        return -1;
    }
}
