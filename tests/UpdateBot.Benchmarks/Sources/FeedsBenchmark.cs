using System.Diagnostics;
using System.Globalization;
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
        Console.WriteLine($"corpus files: {files.Count}; large synthetic feeds: {string.Join(", ", large.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1024} KB"))} (100 items each)");

        Agreement.Report(files);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var options = new ParseOptions(DateTimeOffset.UnixEpoch, zone, "auto", "bench");
        var sets = new Dictionary<string, List<byte[]>>
        {
            ["small"] = files.Select(File.ReadAllBytes).ToList(),
            ["large"] = large.Select(File.ReadAllBytes).ToList(),
        };
        Console.WriteLine($"load average before: {LoadAverage()}");

        using var python = PythonPeer.Start(files, large, work.FullName);
        if (python is null)
        {
            Console.WriteLine("python3-feedparser is not installed (apt-get install python3-feedparser): timing ours only.");
        }

        // Warm up: the JIT promotes hot methods to optimised code only after many calls, so run for a while
        // (a long-running bot parses with optimised code); feedparser is warmed up by one pass inside python.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(3))
        {
            ParseAll(sets["small"], options);
            ParseAll(sets["large"], options);
        }

        // Rounds alternate ours and python's, so both see the same machine load; each side times only its own
        // parsing (python inside python, around feedparser.parse), wall clock and process CPU.
        var speedUps = new List<double>();
        foreach (var (name, bodies) in sets)
        {
            var ours = new List<(double Wall, double Cpu)>();
            var theirs = new List<(double Wall, double Cpu)>();
            for (var round = 0; round < Rounds; round++)
            {
                ours.Add(Time(() => ParseAll(bodies, options)));
                if (python?.Round(name) is { } pythonRound)
                {
                    theirs.Add(pythonRound);
                }
            }

            var label = name == "small" ? $"corpus ({files.Count} files)" : "large feeds (2 x 100 items)";
            Console.WriteLine($"UpdateBot  {label,-28} {Describe(ours)}");
            if (theirs.Count > 0)
            {
                Console.WriteLine($"feedparser {label,-28} {Describe(theirs)}");
                var wall = Median(theirs.Select(t => t.Wall)) / Median(ours.Select(t => t.Wall));
                var cpu = Median(theirs.Select(t => t.Cpu)) / Median(ours.Select(t => t.Cpu));
                speedUps.Add(wall);
                Console.WriteLine($"speed-up   {label,-28} {wall:0.0}x wall clock, {cpu:0.0}x CPU (medians of {Rounds} alternating rounds)");
            }
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        if (speedUps.Count > 0)
        {
            Console.WriteLine($"target >= 10x faster than feedparser on both sets: {Measure.Verdict(speedUps.All(s => s >= 10))}");
        }

        python?.Dispose();
        work.Delete(recursive: true);
        return 0;
    }

    private const int Rounds = 9;

    private static void ParseAll(List<byte[]> bodies, ParseOptions options)
    {
        foreach (var body in bodies)
        {
            FeedParser.Parse(body, null, new Uri("http://example.org/feed"), options);
        }
    }

    private static (double Wall, double Cpu) Time(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static string Describe(List<(double Wall, double Cpu)> samples)
    {
        var wall = samples.Select(s => s.Wall).Order().ToList();
        var cpu = samples.Select(s => s.Cpu).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"wall {Median(wall),8:0.0} ms (min {wall[0]:0.0}, max {wall[^1]:0.0})  CPU {Median(cpu),8:0.0} ms (min {cpu[0]:0.0}, max {cpu[^1]:0.0})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static List<string> WriteLargeFeeds(string dir)
    {
        var (rss, atom) = SyntheticFeeds.Build(items: 100);
        var rssPath = Path.Combine(dir, "big-rss.xml");
        var atomPath = Path.Combine(dir, "big-atom.xml");
        File.WriteAllText(rssPath, rss);
        File.WriteAllText(atomPath, atom);
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
