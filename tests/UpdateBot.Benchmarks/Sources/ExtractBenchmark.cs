using System.Text;
using AngleSharp.Html.Parser;
using UpdateBot.Sources;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>Extraction of a 1 MB live-blog page with 500 entries, against a bare AngleSharp parse of the same page.</summary>
internal static class ExtractBenchmark
{
    public static int Run(string[] args)
    {
        var html = SyntheticLiveBlog.Build(entries: 500, targetBytes: 1024 * 1024);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var options = new ParseOptions(new DateTimeOffset(2016, 6, 30, 0, 0, 0, TimeSpan.FromHours(1)), zone, "liveblog-html", "bench");
        var baseUrl = new Uri("https://bench.example.org/live");

        if (Array.IndexOf(args, "--save-page") is var save and >= 0 && save + 1 < args.Length)
        {
            File.WriteAllText(args[save + 1], html);
            return 0;
        }

        if (Array.IndexOf(args, "--profile") is var profile and >= 0 && profile + 1 < args.Length)
        {
            // A steady loop of our extraction only, for a sampling profiler (dotnet-trace) to attach to.
            var seconds = int.Parse(args[profile + 1], System.Globalization.CultureInfo.InvariantCulture);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                FeedParser.Parse(html, "text/html", baseUrl, options);
            }

            return 0;
        }

        var auto = options with { Format = "auto" };
        var check = FeedParser.Parse(html, "text/html", baseUrl, options);
        var checkAuto = FeedParser.Parse(html, "text/html", baseUrl, auto);
        Console.WriteLine($"page: {Encoding.UTF8.GetByteCount(html) / 1024.0:0} KB, entries found: {check.Entries.Count} (expected 500); " +
            $"auto-detected: {checkAuto.Format}, {checkAuto.Entries.Count} entries");

        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 15;

        // The bare side is a full AngleSharp parse of the same string with the same parser options ours uses.
        var parserOptions = new HtmlParserOptions { IsScripting = false };
        void Bare() => new HtmlParser(parserOptions).ParseDocument(html);
        var forced = PairedTiming.Run(Bare, () => FeedParser.Parse(html, "text/html", baseUrl, options), rounds, 3);
        var detected = PairedTiming.Run(Bare, () => FeedParser.Parse(html, "text/html", baseUrl, auto), rounds, 3);

        if (args.Contains("--breakdown"))
        {
            Breakdown(html, zone, baseUrl, options);
        }

        Console.WriteLine($"{rounds} alternating rounds of 3 runs each, median per run; ratios paired per round (min / q1 / q3 / max)");
        Report("format given (liveblog-html)", forced);
        Report("format auto-detected (default)", detected);
        var ok = PairedTiming.Median(forced.WallRatios) <= 1.3 && PairedTiming.Median(detected.WallRatios) <= 1.3 &&
            check.Entries.Count == 500 && checkAuto.Entries.Count == 500;
        Console.WriteLine($"target: extraction <= 1.30x a bare parse (wall-clock median of paired ratios, both modes) {Measure.Verdict(ok)}");
        return 0;
    }

    private static void Report(string label, PairedTiming.Result result)
    {
        Console.WriteLine($"{label}:");
        Console.WriteLine($"  bare AngleSharp parse: {result.MedianWallA,7:0.0} ms wall, {result.MedianCpuA,7:0.0} ms CPU");
        Console.WriteLine($"  UpdateBot extraction:  {result.MedianWallB,7:0.0} ms wall, {result.MedianCpuB,7:0.0} ms CPU");
        Console.WriteLine($"  ratio (wall): {PairedTiming.Median(result.WallRatios):0.00}x  spread {PairedTiming.Spread(result.WallRatios)}");
        Console.WriteLine($"  ratio (CPU):  {PairedTiming.Median(result.CpuRatios):0.00}x  spread {PairedTiming.Spread(result.CpuRatios)}");
    }

    private static void Breakdown(string html, TimeZoneInfo zone, Uri baseUrl, ParseOptions options)
    {
        static string Allocation(Action action)
        {
            GC.Collect();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            action();
            return $"{(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1048576.0:0.0} MB allocated, GCs gen0/1/2: {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}";
        }

        Console.WriteLine($"  bare parse: {Allocation(() => new HtmlParser().ParseDocument(html))}");
        Console.WriteLine($"  extraction: {Allocation(() => FeedParser.Parse(html, "text/html", baseUrl, options))}");
        Console.WriteLine($"  our HTML parse alone: {PairedTiming.CpuMilliseconds(() => UpdateBot.Sources.Html.HtmlDocument.Parse(html), 9, 3):0.0} ms CPU, {Allocation(() => UpdateBot.Sources.Html.HtmlDocument.Parse(html))}");
        var document = UpdateBot.Sources.Html.HtmlDocument.Parse(html);
        var metadata = UpdateBot.Sources.Parsing.PageMetadata.Read(document, zone);
        var page = metadata.Context(options);
        var root = document.Body!;
        Console.WriteLine($"  metadata: {PairedTiming.CpuMilliseconds(() => UpdateBot.Sources.Parsing.PageMetadata.Read(document, zone), 9, 3):0.0} ms CPU");
        Console.WriteLine($"  walk:     {PairedTiming.CpuMilliseconds(() => new UpdateBot.Sources.Parsing.HtmlBlockWalker(zone, baseUrl, isChrome: UpdateBot.Sources.Parsing.ChromeFilter.IsChrome).Walk(root), 9, 3):0.0} ms CPU");
        var all = root.Descendants().ToArray();
        Console.WriteLine($"  chrome test of all {all.Length} elements: {PairedTiming.CpuMilliseconds(() => { foreach (var e in all) { UpdateBot.Sources.Parsing.ChromeFilter.IsChrome(e); } }, 9, 3):0.00} ms CPU");
        Console.WriteLine($"  walk, no chrome test: {PairedTiming.CpuMilliseconds(() => new UpdateBot.Sources.Parsing.HtmlBlockWalker(zone, baseUrl).Walk(root), 9, 3):0.0} ms CPU");
        Console.WriteLine($"  walk, no timestamps:  {PairedTiming.CpuMilliseconds(() => new UpdateBot.Sources.Parsing.HtmlBlockWalker(zone, baseUrl, detectTimestamps: false).Walk(root), 9, 3):0.0} ms CPU");
        Console.WriteLine($"  text of body:         {PairedTiming.CpuMilliseconds(() => UpdateBot.Sources.Parsing.HtmlText.TextOf(root), 9, 3):0.0} ms CPU");
        Console.WriteLine($"  500x TryParse heading + 500x 'Share': {PairedTiming.CpuMilliseconds(() => { for (var i = 0; i < 500; i++) { UpdateBot.Sources.Parsing.TimestampText.TryParse("Wednesday 29 June – 23:50", zone, out _); UpdateBot.Sources.Parsing.TimestampText.TryParse("Share", zone, out _); } }, 9, 3):0.0} ms CPU");
        Console.WriteLine($"  parser:   {PairedTiming.CpuMilliseconds(() => UpdateBot.Sources.Parsing.HtmlLiveBlogParser.Parse(document, metadata, page, baseUrl, "b"), 9, 3):0.0} ms CPU (walk included)");
    }
}
