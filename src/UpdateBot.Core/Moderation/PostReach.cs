using UpdateBot.Core.Places;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Moderation;

/// <summary>Which destinations an area post reaches: the home places inside the area and how many destinations chose them.</summary>
public sealed record PostReach(PostArea Area, IReadOnlyList<string> HomePlaces, int Destinations)
{
    /// <summary>The fan-out restriction the store applies: only chats whose home place is one of <see cref="HomePlaces"/>.</summary>
    public DeliveryScope Scope => DeliveryScope.WithHomePlaceIn(HomePlaces);

    /// <summary>"within 20 km of Leeds (England, GB), 12 destinations".</summary>
    public string Describe() => $"{Area.Describe()}, {Destinations} destination{(Destinations == 1 ? "" : "s")}";

    /// <summary>
    /// Decides the reach: each stored home place is looked up in the same place directory that set it, and kept
    /// when it lies within the area. Home places the directory no longer knows are left out.
    /// </summary>
    public static PostReach Select(PostArea area, IEnumerable<HomePlaceCount> homes, IPlaceDirectory places)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(homes);
        ArgumentNullException.ThrowIfNull(places);
        var inside = new List<string>();
        var destinations = 0;
        foreach (var home in homes)
        {
            if (area.Contains(places.Find(home.HomePlace, area.Center.Country)))
            {
                inside.Add(home.HomePlace);
                destinations += home.Destinations;
            }
        }

        return new PostReach(area, inside, destinations);
    }
}
