using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Storage;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// Reads the newest known entries (<see cref="EventsOptions.EntriesRead"/>) into the <see cref="EventIndex"/>, each
/// source in its own zone: what the <see cref="EventFeeder"/> does now and then, and the one-shot run once.
/// </summary>
public sealed class EventCatalogRefresher(IServiceProvider services, EventIndex index, FeedTimeZones zones, IOptions<EventsOptions> options)
{
    /// <summary>Whether there is an entry store to read (without one, events come only from moderators and the CLI).</summary>
    public bool HasEntries => services.GetService<IEntryStore>() is not null;

    /// <summary>Reads the newest entries into the index; false when there is no entry store to read.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IEntryStore>() is not { } store)
        {
            return false;
        }

        var entries = await store.GetLatestAsync(options.Value.EntriesRead, 0, cancellationToken);
        foreach (var source in entries.GroupBy(e => e.SourceName, StringComparer.Ordinal))
        {
            index.ObserveMany(source, zones.For(source.Key));
        }

        return true;
    }
}
