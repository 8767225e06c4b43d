using System.Diagnostics;
using System.Globalization;
using System.Text;
using UpdateBot.Sources;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// RSS/Atom parsing against python3-feedparser on the same files, in the same run; plus how often we agree with
/// the feedparser corpus's own expectations on the fields we use, and that no file makes us throw.
/// </summary>
internal static class FeedsBenchmark
{
    private const string DefaultCorpus = "../shared/corpora/feedparser/tests";

    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : FindCorpus();
        if (corpus is null || !Directory.Exists(corpus))
        {
            Console.WriteLine($"feedparser corpus not found (looked for {DefaultCorpus}); pass its tests/ directory as an argument.");
            return 1;
        }

        var files = new[] { "wellformed/rss", "wellformed/atom", "wellformed/atom10", "wellformed/rdf", "illformed" }
            .Select(d => Path.Combine(corpus, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.xml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        var work = Directory.CreateTempSubdirectory("updatebot-feeds-");
        var large = WriteLargeFeeds(work.FullName);
        Console.WriteLine($"corpus files: {files.Count}; large synthetic feeds: {large.Count}");

        Agreement.Report(files);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var options = new ParseOptions(DateTimeOffset.UnixEpoch, zone, "auto", "bench");
        var smallBodies = files.Select(File.ReadAllBytes).ToList();
        var largeBodies = large.Select(File.ReadAllBytes).ToList();
        var oursSmall = Measure.MedianMilliseconds(() => ParseAll(smallBodies, options), 5, 1);
        var oursLarge = Measure.MedianMilliseconds(() => ParseAll(largeBodies, options), 5, 1);

        var python = PythonFeedparser(files, large, work.FullName);
        Console.WriteLine($"UpdateBot: corpus pass {oursSmall,8:0.0} ms ({oursSmall * 1000 / files.Count:0} µs/file); large feeds {oursLarge,8:0.0} ms");
        if (python is null)
        {
            Console.WriteLine("python3-feedparser is not installed (apt-get install python3-feedparser): comparison skipped.");
            return 0;
        }

        var (pySmall, pyLarge) = python.Value;
        Console.WriteLine($"feedparser: corpus pass {pySmall,8:0.0} ms ({pySmall * 1000 / files.Count:0} µs/file); large feeds {pyLarge,8:0.0} ms");
        var speedSmall = pySmall / oursSmall;
        var speedLarge = pyLarge / oursLarge;
        Console.WriteLine($"speed-up: corpus {speedSmall:0.0}x, large feeds {speedLarge:0.0}x (target >= 10x) {Measure.Verdict(speedSmall >= 10 && speedLarge >= 10)}");
        work.Delete(recursive: true);
        return 0;
    }

    private static void ParseAll(List<byte[]> bodies, ParseOptions options)
    {
        foreach (var body in bodies)
        {
            FeedParser.Parse(body, null, new Uri("http://example.org/feed"), options);
        }
    }

    private static (double Small, double Large)? PythonFeedparser(List<string> files, List<string> large, string work)
    {
        var script = Path.Combine(work, "bench.py");
        File.WriteAllText(script, """
            import sys, time
            import feedparser
            def run(paths):
                data = [open(p, 'rb').read() for p in paths]
                for d in data: feedparser.parse(d)
                best = []
                for _ in range(5):
                    t = time.perf_counter()
                    for d in data: feedparser.parse(d)
                    best.append((time.perf_counter() - t) * 1000)
                best.sort()
                return best[len(best) // 2]
            small = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
            large = [l.strip() for l in open(sys.argv[2], encoding='utf-8') if l.strip()]
            print("%.3f %.3f" % (run(small), run(large)))
            """);
        var smallList = Path.Combine(work, "small.txt");
        var largeList = Path.Combine(work, "large.txt");
        File.WriteAllLines(smallList, files);
        File.WriteAllLines(largeList, large);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", [script, smallList, largeList])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                if (!error.Contains("No module named 'feedparser'", StringComparison.Ordinal))
                {
                    Console.WriteLine("python3-feedparser failed: " + error.Split('\n').LastOrDefault(l => l.Length > 0));
                }

                return null;
            }

            var parts = output.Trim().Split(' ');
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static List<string> WriteLargeFeeds(string dir)
    {
        var rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big RSS</title><link>https://big.example.org/</link>");
        var atom = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Big Atom</title>");
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 100; i++)
        {
            var body = string.Concat(Enumerable.Repeat($"<p>Paragraph {i} with <a href=\"https://big.example.org/l/{i}\">a link</a> &amp; some <b>bold</b> text about the day's events.</p>", 12));
            rss.Append(CultureInfo.InvariantCulture, $"<item><title>Item {i} &amp; more</title><link>https://big.example.org/{i}</link><guid>https://big.example.org/{i}</guid>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{start.AddMinutes(i):R}</pubDate><description><![CDATA[{body[..200]}]]></description><content:encoded><![CDATA[{body}]]></content:encoded></item>");
            atom.Append(CultureInfo.InvariantCulture, $"<entry><id>tag:big.example.org,2024:{i}</id><title type=\"html\">Item {i} &amp;amp; more</title><link href=\"https://big.example.org/{i}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<updated>{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ}</updated><content type=\"html\">{System.Net.WebUtility.HtmlEncode(body)}</content></entry>");
        }

        rss.Append("</channel></rss>");
        atom.Append("</feed>");
        var rssPath = Path.Combine(dir, "big-rss.xml");
        var atomPath = Path.Combine(dir, "big-atom.xml");
        File.WriteAllText(rssPath, rss.ToString());
        File.WriteAllText(atomPath, atom.ToString());
        return [rssPath, atomPath];
    }

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultCorpus);
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            var shared = Path.Combine(dir.FullName, "shared/corpora/feedparser/tests");
            if (Directory.Exists(shared))
            {
                return shared;
            }
        }

        return null;
    }
}
