using UpdateBot.Core.Sources;
using UpdateBot.StandIns.Feeds;

namespace UpdateBot.Sources.Tests;

public sealed class SourceReaderTests
{
    private const string Page = "<html><body><div><p><strong>Tuesday 28 June – 10:42</strong></p><p>Demo at 6pm.</p>" +
                                "<p><strong>Tuesday 28 June – 10:31</strong></p><p>A letter.</p></div></body></html>";

    [Fact]
    public async Task A_304_with_the_stored_etag_is_unchanged_and_names_the_bot()
    {
        await using var h = await SourcesHarness.StartAsync();
        h.Server.Set("/live", FeedResponse.Text(Page) with { ETag = "\"v1\"", CacheControl = "max-age=90" });
        var source = h.Source("/live");

        var first = Assert.IsType<SourceReadResult.Snapshot>(await h.Reader.ReadAsync(source, null, CancellationToken.None));
        Assert.Equal(2, first.Feed.Entries.Count);
        Assert.Equal(TimeSpan.FromSeconds(90), first.MaxAge);
        var state = new SourceState { SourceName = "blog", ETag = first.ETag, BodyHash = first.BodyHash, Initialized = true };

        var second = await h.Reader.ReadAsync(source, state, CancellationToken.None);

        Assert.IsType<SourceReadResult.Unchanged>(second);
        var requests = h.Server.Requests.ToList();
        Assert.Equal("\"v1\"", requests[1].IfNoneMatch);
        Assert.StartsWith("UpdateBot/", requests[0].UserAgent, StringComparison.Ordinal);
        Assert.Contains("(+https://github.com/updatebot)", requests[0].UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_body_without_validators_is_unchanged_by_its_hash()
    {
        await using var h = await SourcesHarness.StartAsync();
        h.Server.Set("/live", FeedResponse.Text(Page));
        var source = h.Source("/live");
        var first = Assert.IsType<SourceReadResult.Snapshot>(await h.Reader.ReadAsync(source, null, CancellationToken.None));

        var second = await h.Reader.ReadAsync(source, new SourceState { SourceName = "blog", BodyHash = first.BodyHash, Initialized = true }, CancellationToken.None);

        Assert.IsType<SourceReadResult.Unchanged>(second);
    }

    [Fact]
    public async Task Server_errors_are_one_line_failures_with_retry_after()
    {
        await using var h = await SourcesHarness.StartAsync();
        h.Server.Set("/down", FeedResponse.Text("oops") with { Status = 503, RetryAfter = "120" });

        var result = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(h.Source("/down"), null, CancellationToken.None));

        Assert.Equal("HTTP 503 Service Unavailable", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var h = await SourcesHarness.StartAsync(timeout: "00:00:00.500");
        h.Server.Set("/hang", new FeedResponse { Behaviour = FeedBehaviour.Hang });

        var result = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(h.Source("/hang"), null, CancellationToken.None));

        Assert.StartsWith("timed out after 0.5 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_body_fails_cleanly()
    {
        await using var h = await SourcesHarness.StartAsync();
        h.Server.Set("/cut", FeedResponse.Text(Page) with { Behaviour = FeedBehaviour.Truncate });

        var result = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(h.Source("/cut"), null, CancellationToken.None));

        Assert.DoesNotContain('\n', result.Error);
        Assert.StartsWith("cannot", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MB_body_is_cut_off_at_the_cap()
    {
        await using var h = await SourcesHarness.StartAsync(timeout: "00:00:20");
        h.Server.Set("/huge", new FeedResponse { Behaviour = FeedBehaviour.Huge, HugeBytes = 50L * 1024 * 1024 });

        var result = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(h.Source("/huge"), null, CancellationToken.None));

        Assert.Equal("body larger than 10 MB", result.Error);
    }

    [Fact]
    public async Task A_gzip_bomb_is_cut_off_at_the_decompressed_cap()
    {
        await using var h = await SourcesHarness.StartAsync(timeout: "00:00:20");
        h.Server.Set("/bomb", new FeedResponse { Behaviour = FeedBehaviour.GzipBomb });

        var result = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(h.Source("/bomb"), null, CancellationToken.None));

        Assert.Equal("body larger than 10 MB", result.Error);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_redirects()
    {
        await using var h = await SourcesHarness.StartAsync();
        h.Server.Set("/loop", new FeedResponse { Behaviour = FeedBehaviour.RedirectLoop });

        var result = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(h.Source("/loop"), null, CancellationToken.None));

        Assert.StartsWith("too many redirects", result.Error, StringComparison.Ordinal);
        Assert.Equal(6, h.Server.Hits("/loop"));
    }

    [Fact]
    public async Task Invalid_utf8_and_gzip_bodies_are_still_parsed()
    {
        await using var h = await SourcesHarness.StartAsync();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Page.Replace("Demo", "Demo \u00e9", StringComparison.Ordinal));
        var index = Array.IndexOf(bytes, (byte)0xC3);
        bytes[index] = 0xFF;
        h.Server.Set("/bad-utf8", new FeedResponse { Body = bytes, Gzip = true });

        var result = Assert.IsType<SourceReadResult.Snapshot>(await h.Reader.ReadAsync(h.Source("/bad-utf8"), null, CancellationToken.None));

        Assert.Equal(2, result.Feed.Entries.Count);
        Assert.Contains('\uFFFD', result.Feed.Entries[0].Text);
    }

    [Fact]
    public async Task A_local_file_is_read_and_a_missing_one_is_a_clear_failure()
    {
        await using var h = await SourcesHarness.StartAsync();
        var source = new SourceDefinition { Name = "file", Url = Fixtures.Path("rally-newest-first.txt") };

        var result = Assert.IsType<SourceReadResult.Snapshot>(await h.Reader.ReadAsync(source, null, CancellationToken.None));
        Assert.Equal(5, result.Feed.Entries.Count);

        var missing = Assert.IsType<SourceReadResult.Failed>(await h.Reader.ReadAsync(source with { Url = "/nonexistent/feed.txt" }, null, CancellationToken.None));
        Assert.Equal("no such file: /nonexistent/feed.txt", missing.Error);
    }
}
