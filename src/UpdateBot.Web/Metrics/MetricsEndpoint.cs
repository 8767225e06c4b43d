using Microsoft.AspNetCore.Http;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.Metrics;

/// <summary>/metrics: the UpdateBot meter's counters plus gauges read from the stores at scrape time.</summary>
internal sealed class MetricsEndpoint(
    MeterCollector collector,
    ISourceStateStore sourceStates,
    IEnumerable<IPlatformStatus> platforms,
    IEnumerable<IQueueStats> queueStats,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var families = new List<MetricFamily>(collector.Collect())
        {
            Gauge("updatebot_build_info", "Always 1; the version label names the running build.", [Sample("updatebot_build_info", 1, ("version", Version))]),
        };
        var cancellationToken = context.RequestAborted;

        if (queueStats.FirstOrDefault() is { } queue)
        {
            var rows = await queue.GetAsync(cancellationToken);
            families.Add(Gauge("updatebot_deliveries_pending", "Delivery jobs waiting, per platform.",
                rows.Select(r => Sample("updatebot_deliveries_pending", r.Pending, ("platform", r.Platform)))));
            families.Add(Gauge("updatebot_delivery_queue_depth", "Delivery jobs waiting, all platforms.",
                [Sample("updatebot_delivery_queue_depth", rows.Sum(r => r.Pending))]));
            families.Add(Gauge("updatebot_deliveries_stored_sent", "Deliveries recorded as sent in the store, per platform.",
                rows.Select(r => Sample("updatebot_deliveries_stored_sent", r.Sent, ("platform", r.Platform)))));
            families.Add(Gauge("updatebot_deliveries_stored_failed", "Delivery jobs given up, as recorded in the store, per platform.",
                rows.Select(r => Sample("updatebot_deliveries_stored_failed", r.Failed, ("platform", r.Platform)))));
            var now = time.GetUtcNow();
            families.Add(Gauge("updatebot_delivery_oldest_pending_age_seconds", "Age of the oldest waiting delivery job, per platform.",
                rows.Where(r => r.Pending > 0 && r.OldestPending is not null)
                    .Select(r => Sample("updatebot_delivery_oldest_pending_age_seconds", Math.Max(0, (now - r.OldestPending!.Value).TotalSeconds), ("platform", r.Platform)))));
        }

        var states = await sourceStates.GetAllAsync(cancellationToken);
        families.Add(Gauge("updatebot_source_consecutive_failures", "Failed reads in a row, per source.",
            states.Select(s => Sample("updatebot_source_consecutive_failures", s.ConsecutiveFailures, ("source", s.SourceName)))));
        families.Add(Gauge("updatebot_source_entries_seen", "Entries the store has seen, per source.",
            states.Select(s => Sample("updatebot_source_entries_seen", s.EntriesSeen, ("source", s.SourceName)))));
        families.Add(Gauge("updatebot_source_last_success_timestamp_seconds", "Unix time of the last successful read, per source.",
            states.Where(s => s.LastSuccess is not null)
                .Select(s => Sample("updatebot_source_last_success_timestamp_seconds", s.LastSuccess!.Value.ToUnixTimeMilliseconds() / 1000.0, ("source", s.SourceName)))));
        families.Add(Gauge("updatebot_platform_connected", "1 when the chat platform is connected, per platform.",
            platforms.Select(p => Sample("updatebot_platform_connected", p.IsConnected ? 1 : 0, ("platform", p.Platform)))));

        context.Response.Headers.CacheControl = "no-store";
        await Responses.TextAsync(context, StatusCodes.Status200OK, PrometheusText.ContentType,
            PrometheusText.Write(families.Where(f => f.Samples.Count > 0)));
    }

    private static readonly string Version =
        typeof(MetricsEndpoint).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    private static MetricFamily Gauge(string name, string help, IEnumerable<MetricSample> samples) =>
        new(name, "gauge", help, samples.OrderBy(s => string.Join(',', s.Labels), StringComparer.Ordinal).ToList());

    private static MetricSample Sample(string name, double value, params (string Key, string Value)[] labels) =>
        new(name, labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value)).ToList(), value);
}
