using UpdateBot.Core.Chats;
using UpdateBot.Core.Places;

namespace UpdateBot.Storage.Tests.Moderation;

/// <summary>A hand-written place directory of a few real Yorkshire and Lancashire places (map coordinates).</summary>
internal sealed class FewPlaces : IPlaceDirectory
{
    private static readonly Place[] Places =
    [
        new("Leeds", "GB", "England", new GeoPoint(53.7965, -1.5478), 455_123),
        new("Bradford", "GB", "England", new GeoPoint(53.7939, -1.7521), 349_561), // 13.6 km from Leeds
        new("York", "GB", "England", new GeoPoint(53.9576, -1.0827), 153_717), // 35 km
        new("Manchester", "GB", "England", new GeoPoint(53.4809, -2.2374), 395_515), // 58 km
    ];

    public Place? Find(string name, string? regionHint)
    {
        var bare = name.Split(',')[0].Trim();
        return Places.FirstOrDefault(p => p.Name.Equals(bare, StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<Place> Suggest(string prefix, int max) =>
        [.. Places.Where(p => p.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Take(max)];

    public IReadOnlyList<Place> Nearest(GeoPoint point, int max) => [.. Places.OrderBy(p => p.Location.DistanceKm(point)).Take(max)];
}
