using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UpdateBot.Core.Operations;

/// <summary>
/// The bot's counters, on the <see cref="MeterName"/> meter (System.Diagnostics.Metrics). Every part increments
/// them through these methods; the web part exports them at /metrics in Prometheus text format. Tags are
/// "source" (configured source name), "platform" ("telegram", "discord", ...) and "outcome".
/// </summary>
public sealed class UpdateBotMetrics
{
    public const string MeterName = "UpdateBot";

    private readonly Counter<long> entriesSeen;
    private readonly Counter<long> deliveriesSent;
    private readonly Counter<long> deliveriesFailed;
    private readonly Counter<long> rateLimited;
    private readonly Histogram<double> pollDuration;
    private readonly Counter<long> pollsFailed;
    private readonly Counter<long> gatewayReconnects;
    private readonly Counter<long> webSubPushes;

    public UpdateBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        entriesSeen = meter.CreateCounter<long>("updatebot.entries.seen", "{entry}", "New entries seen, per source.");
        deliveriesSent = meter.CreateCounter<long>("updatebot.deliveries.sent", "{message}", "Deliveries sent, per platform.");
        deliveriesFailed = meter.CreateCounter<long>("updatebot.deliveries.failed", "{message}", "Deliveries given up after retries, per platform.");
        rateLimited = meter.CreateCounter<long>("updatebot.rate_limited", "{response}", "HTTP 429 responses received, per platform.");
        pollDuration = meter.CreateHistogram<double>("updatebot.poll.duration", "s", "Time taken by one read of a source, per source.");
        pollsFailed = meter.CreateCounter<long>("updatebot.polls.failed", "{poll}", "Reads of a source that failed, per source.");
        gatewayReconnects = meter.CreateCounter<long>("updatebot.gateway.reconnects", "{reconnect}", "Gateway reconnects (resumed or new session), per platform.");
        webSubPushes = meter.CreateCounter<long>("updatebot.websub.pushes", "{push}", "WebSub content deliveries received, per source and outcome.");
    }

    public void EntriesSeen(string source, long count = 1) => entriesSeen.Add(count, Tag("source", source));

    public void DeliverySent(string platform) => deliveriesSent.Add(1, Tag("platform", platform));

    public void DeliveryFailed(string platform) => deliveriesFailed.Add(1, Tag("platform", platform));

    public void RateLimited(string platform) => rateLimited.Add(1, Tag("platform", platform));

    /// <summary>Records one read of a source: its duration, and a failure when it did not succeed.</summary>
    public void PollCompleted(string source, TimeSpan duration, bool succeeded)
    {
        pollDuration.Record(duration.TotalSeconds, Tag("source", source));
        if (!succeeded)
        {
            pollsFailed.Add(1, Tag("source", source));
        }
    }

    public void GatewayReconnected(string platform) => gatewayReconnects.Add(1, Tag("platform", platform));

    /// <summary>"accepted", "bad-signature", "unknown-subscription" or "sink-failed".</summary>
    public void WebSubPush(string source, string outcome)
    {
        var tags = new TagList { { "source", source }, { "outcome", outcome } };
        webSubPushes.Add(1, tags);
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
