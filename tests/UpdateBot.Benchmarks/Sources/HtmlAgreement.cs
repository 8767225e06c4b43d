using System.Diagnostics;
using System.Text;
using AngleSharp.Dom;
using IHtmlTemplateElement = AngleSharp.Html.Dom.IHtmlTemplateElement;
using AngleSharp.Html.Parser;
using UpdateBot.Sources.Html;
using HtmlDocument = UpdateBot.Sources.Html.HtmlDocument;
using HtmlElement = UpdateBot.Sources.Html.HtmlElement;
using UpdateBot.Sources.Parsing;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// `html-agreement`: parses real pages with our HTML front end and with AngleSharp and compares the trees (elements,
/// attributes and text; comments, which we do not keep, and template contents left out). Prints how many agree,
/// the first difference of those that do not, and the time each parser took.
/// </summary>
internal static class HtmlAgreement
{
    public static int Run(string[] args)
    {
        var files = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--show"))
            .SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*.htm*", SearchOption.AllDirectories) : [a])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: html-agreement <dir or file>... [--show N]");
            return 2;
        }

        var show = Array.IndexOf(args, "--show") is var s and >= 0 && s + 1 < args.Length ? int.Parse(args[s + 1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var (agree, shown) = (0, 0);
        var (ours, theirs) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var file in files)
        {
            var html = TextDecoding.Decode(File.ReadAllBytes(file), "text/html");
            var watch = Stopwatch.StartNew();
            var document = HtmlDocument.Parse(html);
            ours += watch.Elapsed;
            watch.Restart();
            var reference = parser.ParseDocument(html);
            theirs += watch.Elapsed;

            var a = new List<string>();
            Write(document.DocumentElement, 0, a);
            var b = new List<string>();
            Write(reference.DocumentElement, 0, b);
            var at = FirstDifference(a, b);
            if (at < 0)
            {
                agree++;
                continue;
            }

            if (shown++ < show)
            {
                Console.WriteLine($"--- {file}: first difference at line {at}");
                for (var i = Math.Max(0, at - 3); i < at; i++)
                {
                    Console.WriteLine($"    {Clip(a[i])}");
                }

                Console.WriteLine($"  ours:       {(at < a.Count ? Clip(a[at]) : "(end)")}");
                Console.WriteLine($"  AngleSharp: {(at < b.Count ? Clip(b[at]) : "(end)")}");
            }
        }

        Console.WriteLine($"{agree} of {files.Count} pages parse to the same tree as AngleSharp ({100.0 * agree / files.Count:0.0}%)");
        Console.WriteLine($"parse time over all pages: ours {ours.TotalMilliseconds:0} ms, AngleSharp {theirs.TotalMilliseconds:0} ms (first run, untuned)");
        return 0;
    }

    private static string Clip(string line) => line.Length > 160 ? line[..160] + "…" : line;

    private static int FirstDifference(List<string> a, List<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Count == b.Count ? -1 : Math.Min(a.Count, b.Count);
    }

    private static void Write(HtmlElement element, int depth, List<string> lines)
    {
        // AngleSharp names a namespaced attribute of foreign content by its local name ("xlink:href" is "href").
        var foreign = element.Namespace != HtmlNamespace.Html;
        lines.Add(Line(depth, element.LocalName, element.Attributes.ToArray().Select(x => (foreign && x.Name.StartsWith("xlink:", StringComparison.Ordinal) && x.Name.Length > 6 ? x.Name[6..] : x.Name, x.Value)).DistinctBy(x => x.Item1)));
        if (element.LocalName == "template")
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is HtmlTextNode t)
            {
                text.Append(t.Data);
                continue;
            }

            Flush(text, depth + 1, lines);
            Write((HtmlElement)child, depth + 1, lines);
        }

        Flush(text, depth + 1, lines);
    }

    private static void Write(IElement element, int depth, List<string> lines)
    {
        lines.Add(Line(depth, element.LocalName, element.Attributes.Select(x => (x.Name, x.Value))));
        if (element is IHtmlTemplateElement)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement e)
            {
                Flush(text, depth + 1, lines);
                Write(e, depth + 1, lines);
            }
        }

        Flush(text, depth + 1, lines);
    }

    private static void Flush(StringBuilder text, int depth, List<string> lines)
    {
        if (text.Length > 0)
        {
            lines.Add(new string(' ', depth) + "\"" + text.ToString().Replace("\n", "\\n", StringComparison.Ordinal) + "\"");
            text.Clear();
        }
    }

    private static string Line(int depth, string name, IEnumerable<(string Name, string Value)> attributes) =>
        new string(' ', depth) + "<" + name.ToLowerInvariant() +
        string.Concat(attributes.Select(a => (Name: a.Name.ToLowerInvariant(), a.Value)).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $" {a.Name}=\"{a.Value}\"")) + ">";
}
