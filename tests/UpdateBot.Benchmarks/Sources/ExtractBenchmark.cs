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
            var until = DateTime.UtcNow.AddSeconds(int.Parse(args[profile + 1], System.Globalization.CultureInfo.InvariantCulture));
            while (DateTime.UtcNow < until)
            {
                FeedParser.Parse(html, "text/html", baseUrl, options);
            }

            return 0;
        }

        var check = FeedParser.Parse(html, "text/html", baseUrl, options);
        Console.WriteLine($"page: {Encoding.UTF8.GetByteCount(html) / 1024.0:0} KB, entries found: {check.Entries.Count} (expected 500)");

        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 9;
        var angle = 0.0;
        var ours = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            // Interleaved, so both see the same machine load.
            angle = Measure.MedianMilliseconds(() => new HtmlParser().ParseDocument(html), rounds, 3);
            ours = Measure.MedianMilliseconds(() => FeedParser.Parse(html, "text/html", baseUrl, options), rounds, 3);
        }

        if (args.Contains("--breakdown"))
        {
            Breakdown(html, zone, baseUrl, options);
        }

        var ratio = ours / angle;
        Console.WriteLine($"bare AngleSharp parse:   {angle,8:0.0} ms");
        Console.WriteLine($"UpdateBot extraction:    {ours,8:0.0} ms");
        Console.WriteLine($"ratio: {ratio:0.00}x (target <= 1.30x) {Measure.Verdict(ratio <= 1.3 && check.Entries.Count == 500)}");
        return 0;
    }

    private static void Breakdown(string html, TimeZoneInfo zone, Uri baseUrl, ParseOptions options)
    {
        var document = new HtmlParser().ParseDocument(html);
        var metadata = UpdateBot.Sources.Parsing.PageMetadata.Read(document, zone);
        var page = metadata.Context(options);
        var root = document.Body!;
        Console.WriteLine($"  metadata: {Measure.MedianMilliseconds(() => UpdateBot.Sources.Parsing.PageMetadata.Read(document, zone), 5, 3):0.0} ms");
        Console.WriteLine($"  walk:     {Measure.MedianMilliseconds(() => new UpdateBot.Sources.Parsing.HtmlBlockWalker(zone, baseUrl, isChrome: UpdateBot.Sources.Parsing.ChromeFilter.IsChrome).Walk(root), 5, 3):0.0} ms");
        Console.WriteLine($"  walk, no chrome test: {Measure.MedianMilliseconds(() => new UpdateBot.Sources.Parsing.HtmlBlockWalker(zone, baseUrl).Walk(root), 5, 3):0.0} ms");
        Console.WriteLine($"  walk, no timestamps:  {Measure.MedianMilliseconds(() => new UpdateBot.Sources.Parsing.HtmlBlockWalker(zone, baseUrl, detectTimestamps: false).Walk(root), 5, 3):0.0} ms");
        Console.WriteLine($"  text of body:         {Measure.MedianMilliseconds(() => UpdateBot.Sources.Parsing.HtmlText.TextOf(root), 5, 3):0.0} ms");
        Console.WriteLine($"  500x TryParse heading + 500x 'Share': {Measure.MedianMilliseconds(() => { for (var i = 0; i < 500; i++) { UpdateBot.Sources.Parsing.TimestampText.TryParse("Wednesday 29 June – 23:50", zone, out _); UpdateBot.Sources.Parsing.TimestampText.TryParse("Share", zone, out _); } }, 5, 3):0.0} ms");
        Console.WriteLine($"  parser:   {Measure.MedianMilliseconds(() => UpdateBot.Sources.Parsing.HtmlLiveBlogParser.Parse(document, metadata, page, baseUrl, "b"), 5, 3):0.0} ms (walk included)");
    }
}
