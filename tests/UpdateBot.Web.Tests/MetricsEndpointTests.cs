using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Sources;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Counters_incremented_through_UpdateBotMetrics_appear_in_the_text_format()
    {
        await using var web = await WebHost.StartAsync();
        var metrics = web.Get<UpdateBotMetrics>();
        metrics.EntriesSeen("guardian", 3);
        metrics.EntriesSeen("guardian");
        metrics.EntriesSeen("bbc", 2);
        metrics.DeliverySent("telegram");
        metrics.DeliverySent("telegram");
        metrics.DeliveryFailed("discord");
        metrics.RateLimited("discord");
        metrics.GatewayReconnected("discord");
        metrics.PollCompleted("guardian", TimeSpan.FromMilliseconds(40), succeeded: true);
        metrics.PollCompleted("guardian", TimeSpan.FromSeconds(3), succeeded: false);

        using var response = await web.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var families = PrometheusParser.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("counter", families["updatebot_entries_seen_total"].Type);
        Assert.Equal(4, Value(families, "updatebot_entries_seen_total", ("source", "guardian")));
        Assert.Equal(2, Value(families, "updatebot_entries_seen_total", ("source", "bbc")));
        Assert.Equal(2, Value(families, "updatebot_deliveries_sent_total", ("platform", "telegram")));
        Assert.Equal(1, Value(families, "updatebot_deliveries_failed_total", ("platform", "discord")));
        Assert.Equal(1, Value(families, "updatebot_rate_limited_total", ("platform", "discord")));
        Assert.Equal(1, Value(families, "updatebot_gateway_reconnects_total", ("platform", "discord")));
        Assert.Equal(1, Value(families, "updatebot_polls_failed_total", ("source", "guardian")));

        var poll = families["updatebot_poll_duration_seconds"];
        Assert.Equal("histogram", poll.Type);
        Assert.Equal(2, poll.Samples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value);
        Assert.Equal(3.04, poll.Samples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value, 6);
        var buckets = poll.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, buckets.Single(b => b.Labels["le"] == "0.05").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "5").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "+Inf").Value);
        Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First.Value <= p.Second.Value), "bucket counts must not decrease");
    }

    [Fact]
    public async Task Queue_platform_and_source_gauges_are_read_at_scrape_time()
    {
        var queue = new FakeQueueStats();
        var now = new DateTimeOffset(2026, 6, 28, 10, 0, 0, TimeSpan.Zero);
        queue.Rows.Add(new PlatformQueueStats("telegram", Pending: 5, Sent: 100, Failed: 2, OldestPending: now.AddSeconds(-90)));
        queue.Rows.Add(new PlatformQueueStats("discord", Pending: 1, Sent: 40, Failed: 0));
        var states = new FakeSourceStateStore();
        states.States["live \"blog\"\nwith newline \\ slash"] = new SourceState
        {
            SourceName = "live \"blog\"\nwith newline \\ slash",
            ConsecutiveFailures = 3,
            EntriesSeen = 12,
        };
        await using var web = await WebHost.StartAsync(
            services =>
            {
                services.AddSingleton<IQueueStats>(queue);
                services.AddSingleton<IPlatformStatus>(new FakePlatformStatus("discord", false));
                services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
            },
            states: states);

        var families = PrometheusParser.Parse(await web.Client.GetStringAsync("/metrics"));
        Assert.Equal(5, Value(families, "updatebot_deliveries_pending", ("platform", "telegram")));
        Assert.Equal(6, Value(families, "updatebot_delivery_queue_depth"));
        Assert.Equal(100, Value(families, "updatebot_deliveries_stored_sent", ("platform", "telegram")));
        Assert.Equal(90, Value(families, "updatebot_delivery_oldest_pending_age_seconds", ("platform", "telegram")));
        Assert.DoesNotContain(families["updatebot_delivery_oldest_pending_age_seconds"].Samples, s => s.Labels["platform"] == "discord");
        Assert.Equal(0, Value(families, "updatebot_platform_connected", ("platform", "discord")));
        Assert.Equal(3, Value(families, "updatebot_source_consecutive_failures", ("source", "live \"blog\"\nwith newline \\ slash")));

        queue.Rows[0] = queue.Rows[0] with { Pending = 0 };
        var later = PrometheusParser.Parse(await web.Client.GetStringAsync("/metrics"));
        Assert.Equal(1, Value(later, "updatebot_delivery_queue_depth"));
    }

    [Fact]
    public async Task Two_hosts_in_one_process_keep_their_counters_apart()
    {
        await using var first = await WebHost.StartAsync();
        await using var second = await WebHost.StartAsync();
        first.Get<UpdateBotMetrics>().DeliverySent("telegram");

        var a = PrometheusParser.Parse(await first.Client.GetStringAsync("/metrics"));
        var b = PrometheusParser.Parse(await second.Client.GetStringAsync("/metrics"));
        Assert.Equal(1, Value(a, "updatebot_deliveries_sent_total", ("platform", "telegram")));
        Assert.False(b.ContainsKey("updatebot_deliveries_sent_total"));
        Assert.Equal(1, Value(b, "updatebot_build_info"));
    }

    private static double Value(IReadOnlyDictionary<string, PrometheusParser.Family> families, string name, params (string Key, string Value)[] labels) =>
        families[name].Samples.Single(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Value;
}
