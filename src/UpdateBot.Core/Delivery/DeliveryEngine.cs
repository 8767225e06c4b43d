using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Delivery;

/// <summary>One <see cref="PlatformDeliverer"/> per registered chat platform, run side by side.</summary>
public sealed class DeliveryEngine
{
    public DeliveryEngine(
        IEnumerable<IChatPlatform> platforms,
        IDeliveryQueue queue,
        IEntryStore entries,
        ISubscriptionStore subscriptions,
        FeedTimeZones zones,
        IOptions<DeliveryOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IEntryPlaces? places = null)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<DeliveryEngine>();
        Deliverers = platforms
            .DistinctBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PlatformDeliverer(p, queue, entries, subscriptions, zones, options.Value, time, logger, new SubscriptionMatcher(places)))
            .ToList();
    }

    public IReadOnlyList<PlatformDeliverer> Deliverers { get; }

    public PlatformDeliverer? For(string platform) => Deliverers.FirstOrDefault(d => d.Platform == platform);

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Deliverers.Select(d => Task.Run(() => d.RunAsync(cancellationToken), CancellationToken.None)));
}
