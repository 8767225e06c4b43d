using System.Diagnostics;
using AngleSharp.Html.Parser;
using UpdateBot.Sources.Parsing;
using UpdateBot.Sources.Tests.Html;
using HtmlDocument = UpdateBot.Sources.Html.HtmlDocument;

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
        var files = PageFiles.From(args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--show")));
        if (files is null || files.Count == 0)
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
            string html;
            try
            {
                html = TextDecoding.Decode(File.ReadAllBytes(file), "text/html");
            }
            catch (IOException exception)
            {
                Console.WriteLine($"--- {file}: not read ({exception.Message})");
                continue;
            }

            var watch = Stopwatch.StartNew();
            var document = HtmlDocument.Parse(html);
            ours += watch.Elapsed;
            watch.Restart();
            var reference = parser.ParseDocument(html);
            theirs += watch.Elapsed;

            var a = TreeText.Of(document.DocumentElement).Split('\n');
            var b = TreeText.Of(reference.DocumentElement).Split('\n');
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

                Console.WriteLine($"  ours:       {(at < a.Length ? Clip(a[at]) : "(end)")}");
                Console.WriteLine($"  AngleSharp: {(at < b.Length ? Clip(b[at]) : "(end)")}");
            }
        }

        Console.WriteLine($"{agree} of {files.Count} pages parse to the same tree as AngleSharp ({100.0 * agree / files.Count:0.0}%)");
        Console.WriteLine($"parse time over all pages: ours {ours.TotalMilliseconds:0} ms, AngleSharp {theirs.TotalMilliseconds:0} ms (first run, untuned)");
        return 0;
    }

    private static string Clip(string line) => line.Length > 160 ? line[..160] + "…" : line;

    private static int FirstDifference(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : Math.Min(a.Length, b.Length);
    }
}
