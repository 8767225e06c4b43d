using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Operations;

namespace UpdateBot.Web.Metrics;

/// <summary>
/// The default <see cref="IQueueStats"/>: pending, failed and cancelled per platform from the store's delivery queue;
/// sent counted by <see cref="UpdateBotMetrics"/> since the process started (the store keeps no sent count).
/// </summary>
internal sealed class DeliveryQueueStats(IEnumerable<IChatPlatform> platforms, MeterCollector collector, IDeliveryQueue? queue = null) : IQueueStats
{
    public async Task<IReadOnlyList<PlatformQueueStats>> GetAsync(CancellationToken cancellationToken)
    {
        if (queue is null)
        {
            return [];
        }

        var rows = new List<PlatformQueueStats>();
        foreach (var name in platforms.Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var counts = await queue.CountAsync(name, cancellationToken);
            var sent = (long)collector.Sum("updatebot.deliveries.sent", "platform", name);
            rows.Add(new PlatformQueueStats(name, counts.Pending, sent, counts.Failed, counts.Cancelled));
        }

        return rows;
    }
}
