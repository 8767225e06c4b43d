using Microsoft.Extensions.Options;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Events.Extraction;
using UpdateBot.Events.Hosting;
using UpdateBot.Events.Places;

namespace UpdateBot.Events.Filtering;

/// <summary>
/// The places an entry names, found with the same spotter the event extraction uses, for subscriptions that asked
/// only for entries near a place.
/// </summary>
internal sealed class EntryPlaces(IOptions<EventsOptions> options) : IEntryPlaces
{
    private readonly GeoNamesGazetteer gazetteer = Gazetteer.Shared;

    public bool IsNear(Entry entry, string placeName, double radiusKm)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var region = options.Value.Region;
        if (gazetteer.Find(placeName, region) is not { } centre)
        {
            return false;
        }

        var spotter = new PlaceSpotter(gazetteer, region);
        foreach (var mention in spotter.Find(entry.Title + "\n" + entry.Text))
        {
            var place = gazetteer.ToPlace(mention.PlaceIndex);
            if (place.Location.DistanceKm(centre.Location) <= radiusKm)
            {
                return true;
            }
        }

        return false;
    }
}
