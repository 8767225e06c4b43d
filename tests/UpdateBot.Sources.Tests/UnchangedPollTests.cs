using UpdateBot.Core.Sources;
using UpdateBot.Sources.Fetching;
using UpdateBot.Sources.Watching;
using UpdateBot.StandIns.Feeds;

namespace UpdateBot.Sources.Tests;

public sealed class UnchangedPollTests
{
    private static readonly DateTimeOffset Noon = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_body_longer_than_its_first_buffer_is_read_whole_and_hashed_like_its_bytes()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        using var body = await BoundedBody.ReadAsync(new TrickleStream(bytes, 7000), 1_000_000, expectedLength: null, CancellationToken.None);

        Assert.Equal(bytes.Length, body.Length);
        Assert.True(body.Span.SequenceEqual(bytes));
        Assert.Equal(BodyHash.Of(bytes), BodyHash.Of(body.Span));
    }

    [Fact]
    public async Task A_body_over_the_cap_fails_even_when_its_length_was_announced_smaller()
    {
        var bytes = new byte[5000];

        await Assert.ThrowsAsync<BodyTooLargeException>(() => BoundedBody.ReadAsync(new MemoryStream(bytes), 4096, expectedLength: 100, CancellationToken.None));
        using var exact = await BoundedBody.ReadAsync(new MemoryStream(bytes), 5000, expectedLength: 5000, CancellationToken.None);
        Assert.Equal(5000, exact.Length);
    }

    [Fact]
    public void Body_hashes_differ_for_one_changed_byte_and_agree_for_equal_bodies()
    {
        var a = "<html>entry at 10:31</html>"u8.ToArray();
        var b = "<html>entry at 10:32</html>"u8.ToArray();

        Assert.Equal(BodyHash.Of(a), BodyHash.Of(a.ToArray()));
        Assert.NotEqual(BodyHash.Of(a), BodyHash.Of(b));
        Assert.Equal(33, BodyHash.Of(a).Length);
    }

    [Fact]
    public void Only_the_poll_times_changing_is_not_worth_a_write_until_the_health_is_stale()
    {
        var stored = new SourceState { SourceName = "blog", ETag = "\"v1\"", Initialized = true, LastSuccess = Noon, LastAttempt = Noon };
        var later = Noon.AddSeconds(30);
        var next = stored with { LastSuccess = later, LastAttempt = later };

        Assert.False(SourceStateWrites.IsWorthSaving(stored, next, later));
        Assert.True(SourceStateWrites.IsWorthSaving(stored, next with { ETag = "\"v2\"" }, later));
        Assert.True(SourceStateWrites.IsWorthSaving(stored with { ConsecutiveFailures = 2 }, next, later));
        Assert.True(SourceStateWrites.IsWorthSaving(stored, next, Noon + SourceStateWrites.HealthRefresh));
        Assert.True(SourceStateWrites.IsWorthSaving(null, next, later));
        Assert.True(SourceStateWrites.IsWorthSaving(stored with { LastSuccess = null }, next, later));
    }

    [Fact]
    public async Task A_304_right_after_a_read_writes_no_state_but_a_recovery_does()
    {
        await using var h = await SourcesHarness.StartAsync();
        h.Server.Set("/live", FeedResponse.Text(
            "<html><body><div><p><strong>Tuesday 28 June – 10:42</strong></p><p>Demo at 6pm.</p>" +
            "<p><strong>Tuesday 28 June – 10:31</strong></p><p>A letter.</p></div></body></html>") with { ETag = "\"v1\"" });
        var source = h.Source("/live");
        await h.PollAsync(source);
        var recorded = h.States["blog"]!;
        Assert.Equal("\"v1\"", recorded.ETag);

        await h.PollAsync(source);

        Assert.Equal("\"v1\"", h.Server.Requests.Last().IfNoneMatch);
        Assert.Same(recorded, h.States["blog"]);

        var page = "<html><body><div><p><strong>Tuesday 28 June – 10:42</strong></p><p>Demo at 6pm.</p>" +
            "<p><strong>Tuesday 28 June – 10:31</strong></p><p>A letter.</p></div></body></html>";
        h.Server.Set("/live", FeedResponse.Text("down for maintenance") with { Status = 404 });
        await h.PollAsync(source);
        Assert.Equal(1, h.States["blog"]!.ConsecutiveFailures);

        h.Server.Set("/live", FeedResponse.Text(page) with { ETag = "\"v1\"" });
        await h.PollAsync(source);

        Assert.Equal(0, h.States["blog"]!.ConsecutiveFailures);
        Assert.True(h.States["blog"]!.LastSuccess > recorded.LastSuccess);
    }

    [Fact]
    public async Task A_gzip_body_is_recognised_unchanged_by_its_compressed_bytes_or_else_by_its_inflated_bytes()
    {
        await using var h = await SourcesHarness.StartAsync(timeout: "00:00:30");
        h.Server.Set("/live", FeedResponse.Text(
            "<html><body><div><p><strong>Tuesday 28 June – 10:42</strong></p><p>Demo at 6pm.</p>" +
            "<p><strong>Tuesday 28 June – 10:31</strong></p><p>A letter.</p></div></body></html>") with { Gzip = true });
        var source = h.Source("/live");

        var first = Assert.IsType<SourceReadResult.Snapshot>(await h.Reader.ReadAsync(source, null, CancellationToken.None));
        Assert.Equal(2, first.Feed.Entries.Count);
        var (raw, body) = BodyHash.Split(first.BodyHash);
        Assert.NotNull(raw);
        Assert.NotEqual(raw, body);

        var state = new SourceState { SourceName = "blog", BodyHash = first.BodyHash, Initialized = true };
        Assert.IsType<SourceReadResult.Unchanged>(await h.Reader.ReadAsync(source, state, CancellationToken.None));

        // Compressed differently this time (as some servers do): the inflated body still matches.
        var recompressed = state with { BodyHash = BodyHash.Join("x0", body!) };
        Assert.IsType<SourceReadResult.Unchanged>(await h.Reader.ReadAsync(source, recompressed, CancellationToken.None));

        // A body hash from before (or of a different body) means a parse.
        var changed = state with { BodyHash = BodyHash.Join("x0", "x1") };
        Assert.IsType<SourceReadResult.Snapshot>(await h.Reader.ReadAsync(source, changed, CancellationToken.None));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate-zlib")]
    [InlineData("deflate-raw")]
    [InlineData("br")]
    public async Task Every_accepted_coding_inflates_to_the_original(string coding)
    {
        var original = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Demo at 6pm outside the town hall.</p>", 200)));
        using var compressed = new MemoryStream();
        await using (Stream writer = coding switch
        {
            "gzip" => new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
            "deflate-zlib" => new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
            "deflate-raw" => new System.IO.Compression.DeflateStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
            _ => new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            await writer.WriteAsync(original);
        }

        Assert.True(ContentCoding.TryRead([coding.StartsWith("deflate", StringComparison.Ordinal) ? "deflate" : coding], out var kind));
        compressed.Position = 0;
        await using var inflating = ContentCoding.Decompress(kind, compressed);
        using var body = await BoundedBody.ReadAsync(inflating, 1_000_000, null, CancellationToken.None);

        Assert.True(body.Span.SequenceEqual(original));
    }

    [Fact]
    public void Codings_we_did_not_ask_for_are_refused()
    {
        Assert.False(ContentCoding.TryRead(["zstd"], out _));
        Assert.False(ContentCoding.TryRead(["gzip", "br"], out _));
        Assert.True(ContentCoding.TryRead([], out var none));
        Assert.Equal(BodyCoding.Identity, none);
    }

    /// <summary>Hands out at most <paramref name="chunk"/> bytes per read, as a network stream does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
