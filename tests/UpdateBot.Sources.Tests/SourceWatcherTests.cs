using Microsoft.Extensions.Logging;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;
using UpdateBot.StandIns.Feeds;

namespace UpdateBot.Sources.Tests;

public sealed class SourceWatcherTests
{
    private static string Page(params (string Time, string Text)[] entries) =>
        "<html><body><nav><a href='/'>Home</a></nav><div class='live'>" +
        string.Concat(entries.Select(e => $"<p><strong>Tuesday 28 June – {e.Time}</strong></p><p>{e.Text}</p>")) +
        "</div><footer>Share this article!</footer></body></html>";

    [Fact]
    public async Task First_sight_records_without_delivering_then_new_and_edited_entries_are_delivered()
    {
        await using var h = await SourcesHarness.StartAsync();
        var source = h.Source("/live");
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))));

        await h.PollAsync(source);
        Assert.Empty(h.Timeline.Delivered);
        Assert.True(h.States["blog"]!.Initialized);
        Assert.Equal(2, h.States["blog"]!.EntriesSeen);

        h.Server.Set("/live", FeedResponse.Text(Page(("10:42", "Demo at 6pm."), ("10:31", "A letter, now signed."), ("10:18", "A motion."))));
        await h.PollAsync(source);

        var delivered = h.Timeline.Delivered;
        Assert.Equal(2, delivered.Count);
        Assert.Equal(ChangeKind.Updated, delivered[0].Kind);
        Assert.Equal("A letter, now signed.", delivered[0].Entry.Text);
        Assert.Equal(ChangeKind.Added, delivered[1].Kind);
        Assert.Equal("Demo at 6pm.", delivered[1].Entry.Text);
    }

    [Fact]
    public async Task An_entry_gone_for_three_reads_is_removed()
    {
        await using var h = await SourcesHarness.StartAsync();
        var source = h.Source("/live");
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A mistake."))));
        await h.PollAsync(source);

        for (var i = 1; i <= 3; i++)
        {
            // A changing comment keeps the body hash changing, as real pages do.
            h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter.")) + $"<!-- {i} -->"));
            await h.PollAsync(source);
            Assert.Equal(i == 3, h.Timeline.AllChanges.Any(c => c.Kind == ChangeKind.Removed));
        }

        Assert.Equal("A mistake.", Assert.Single(h.Timeline.AllChanges, c => c.Kind == ChangeKind.Removed).Entry.Text);
    }

    [Fact]
    public async Task A_page_that_suddenly_loses_all_entries_loses_nothing_and_counts_a_failure()
    {
        await using var h = await SourcesHarness.StartAsync((o, _) => o.RemovalMisses = 1);
        var source = h.Source("/live");
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))));
        await h.PollAsync(source);

        h.Server.Set("/live", FeedResponse.Text("<html><body><p>Maintenance</p></body></html>"));
        await h.PollAsync(source);
        await h.PollAsync(source);

        Assert.Equal(2, h.Timeline.Live("blog").Count);
        Assert.DoesNotContain(h.Timeline.AllChanges, c => c.Kind == ChangeKind.Removed);
        var state = h.States["blog"]!;
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Contains("suspect", state.LastError, StringComparison.Ordinal);

        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))));
        await h.PollAsync(source);
        Assert.Equal(0, h.States["blog"]!.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_source_read_as_an_article_stays_one_and_a_live_blog_stays_a_live_blog()
    {
        await using var h = await SourcesHarness.StartAsync();
        var archive = h.Source("/archive", "archive");
        const string Posts = "<html><body><div class='posts'><div><p>3 May 2022 18:00</p><p>Meeting notes.</p></div>"
            + "<div><p>1 May 2022 09:00</p><p>Hall booked.</p></div><div><p>27 April 2022 12:00</p><p>Welcome.</p></div></div>";
        h.Server.Set("/archive", FeedResponse.Text(Posts + "</body></html>"));
        var live = h.Source("/live");
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))));

        await h.PollAsync(archive);
        await h.PollAsync(live);
        Assert.Equal(FeedKind.Article, h.States["archive"]!.Kind);
        Assert.Equal(FeedKind.LiveBlog, h.States["blog"]!.Kind);

        // Read again (a changed body, so parsed again): entries seen last time must not make the archive a live blog.
        h.Server.Set("/archive", FeedResponse.Text(Posts + "<!-- 2 --></body></html>"));
        await h.PollAsync(archive);

        Assert.Equal(FeedKind.Article, h.States["archive"]!.Kind);
        Assert.All(h.Timeline.Live("archive"), e => Assert.Equal(EntryKind.Teaser, e.Kind));
        Assert.DoesNotContain(h.Timeline.AllChanges, c => c.Entry.SourceName == "archive" && c.Kind != ChangeKind.Added);
    }

    [Fact]
    public async Task A_304_keeps_the_state_healthy_without_parsing()
    {
        await using var h = await SourcesHarness.StartAsync();
        var source = h.Source("/live");
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."))) with { ETag = "\"abc\"" });
        await h.PollAsync(source);
        var batches = h.Timeline.Batches.Count;

        var (delay, quiet) = await h.PollAsync(source);

        Assert.Equal(1, quiet);
        Assert.Equal(source.PollInterval, delay);
        Assert.Equal(batches, h.Timeline.Batches.Count);
        Assert.Equal("\"abc\"", h.States["blog"]!.ETag);
        Assert.Equal("\"abc\"", h.Server.Requests.Last().IfNoneMatch);
    }

    [Fact]
    public async Task Every_kind_of_failure_logs_one_line_without_a_stack_trace_and_loses_nothing()
    {
        // The timeout must cover a cold first poll on a loaded machine (JIT, first connection); only the hanging
        // case waits it out.
        await using var h = await SourcesHarness.StartAsync(timeout: "00:00:02");
        var source = h.Source("/live");
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))));
        await h.PollAsync(source);
        Assert.Equal(0, h.States["blog"]!.ConsecutiveFailures);
        Assert.Equal(2, h.Timeline.Live("blog").Count);

        var failures = new[]
        {
            FeedResponse.Text("boom") with { Status = 500 },
            new FeedResponse { Behaviour = FeedBehaviour.Hang },
            FeedResponse.Text(Page(("10:31", "A letter."))) with { Behaviour = FeedBehaviour.Truncate },
            new FeedResponse { Behaviour = FeedBehaviour.GzipBomb },
            new FeedResponse { Behaviour = FeedBehaviour.RedirectLoop },
        };
        foreach (var failure in failures)
        {
            h.Server.Set("/live", failure);
            var before = h.Logs.Lines.Count(l => l.Level >= LogLevel.Warning);

            var (delay, _) = await h.PollAsync(source);

            var lines = h.Logs.Lines.Where(l => l.Level >= LogLevel.Warning).Skip(before).ToList();
            var line = Assert.Single(lines);
            Assert.Null(line.Exception);
            Assert.DoesNotContain('\n', line.Message);
            Assert.Contains("blog", line.Message, StringComparison.Ordinal);
            Assert.True(delay <= TimeSpan.FromSeconds(150));
        }

        Assert.Equal(5, h.States["blog"]!.ConsecutiveFailures);
        Assert.Equal(2, h.Timeline.Live("blog").Count);
    }

    [Fact]
    public async Task A_store_failure_is_caught_and_the_watcher_keeps_polling()
    {
        await using var h = await SourcesHarness.StartAsync((o, server) =>
            o.Sources.Add(new SourceOptions { Name = "blog", Url = server.Url("/live").AbsoluteUri, PollInterval = TimeSpan.FromMilliseconds(50) }));
        h.Timeline.FailNextCommit = true;
        h.Server.Set("/live", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))));

        await h.Watcher.StartAsync(CancellationToken.None);
        await WaitUntil(() => h.Timeline.Batches.Count > 0);
        await h.Watcher.StopAsync(CancellationToken.None);

        Assert.Contains(h.Logs.Lines, l => l.Level == LogLevel.Error && l.Exception is InvalidOperationException);
        Assert.Equal(2, h.Timeline.Live("blog").Count);
    }

    [Fact]
    public async Task A_hanging_source_never_delays_the_others()
    {
        await using var h = await SourcesHarness.StartAsync((o, server) =>
        {
            o.Sources.Add(new SourceOptions { Name = "slow", Url = server.Url("/slow").AbsoluteUri, PollInterval = TimeSpan.FromSeconds(30) });
            o.Sources.Add(new SourceOptions { Name = "fast", Url = server.Url("/fast").AbsoluteUri, PollInterval = TimeSpan.FromMilliseconds(20) });
        }, timeout: "00:01:00");
        h.Server.Set("/slow", new FeedResponse { Behaviour = FeedBehaviour.Hang });
        h.Server.Set("/fast", FeedResponse.Text(Page(("10:31", "A letter."), ("10:18", "A motion."))) with { ETag = "\"f\"" });

        await h.Watcher.StartAsync(CancellationToken.None);
        await WaitUntil(() => h.Server.Hits("/fast") >= 4);
        await h.Watcher.StopAsync(CancellationToken.None);

        Assert.Equal(1, h.Server.Hits("/slow"));
        Assert.True(h.States["fast"]!.Initialized);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
