using UpdateBot.StandIns.Feeds;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// The stand-in feed site of the unchanged-poll benchmark, in its own process so its CPU is not counted as the
/// bot's. It serves one 100 KB live-blog page on /etag (ETag and Last-Modified, 304 to a conditional request),
/// /same (no validators: always a 200 with the same body) and /same-gzip (the same, gzip-encoded); prints its base
/// URL, then runs until its standard input closes.
/// </summary>
internal static class FeedSiteChild
{
    public const string Verb = "feed-site-child";

    public static async Task<int> RunAsync()
    {
        await using var server = await FeedServer.StartAsync();
        var page = System.Text.Encoding.UTF8.GetBytes(SyntheticLiveBlog.Build(entries: 60, targetBytes: 100 * 1024));
        server.Set("/etag", new FeedResponse { Body = page, ETag = "\"v1\"", LastModified = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero) });
        server.Set("/same", new FeedResponse { Body = page });
        server.Set("/same-gzip", new FeedResponse { Body = page, Gzip = true });
        Console.WriteLine("url " + server.BaseUrl.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
