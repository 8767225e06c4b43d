using System.Globalization;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Places;

namespace UpdateBot.Core.Tests.Fakes;

/// <summary>A handful of real places (coordinates from the map), looked up by name or "Name, CC", most populous first.</summary>
internal sealed class FakePlaceDirectory : IPlaceDirectory
{
    public static readonly Place Leeds = new("Leeds", "GB", "England", new GeoPoint(53.7965, -1.5478), 455_123);
    public static readonly Place Bradford = new("Bradford", "GB", "England", new GeoPoint(53.7939, -1.7521), 349_561);
    public static readonly Place York = new("York", "GB", "England", new GeoPoint(53.9576, -1.0827), 153_717);
    public static readonly Place Manchester = new("Manchester", "GB", "England", new GeoPoint(53.4809, -2.2374), 395_515);
    public static readonly Place London = new("London", "GB", "England", new GeoPoint(51.5085, -0.1257), 8_961_989);
    public static readonly Place NewportWales = new("Newport", "GB", "Wales", new GeoPoint(51.5877, -2.9984), 145_700);
    public static readonly Place NewportWight = new("Newport", "GB", "England", new GeoPoint(50.7008, -1.2883), 25_496);
    public static readonly Place LondonOntario = new("London", "CA", "Ontario", new GeoPoint(42.9834, -81.233), 346_765);

    public List<Place> Places { get; } = [Leeds, Bradford, York, Manchester, London, NewportWales, NewportWight, LondonOntario];

    public Place? Find(string name, string? regionHint)
    {
        var text = name.Trim();
        var region = regionHint ?? "GB";
        var comma = text.LastIndexOf(',');
        if (comma > 0 && text[(comma + 1)..].Trim() is { Length: 2 } code)
        {
            region = code.ToUpperInvariant();
            text = text[..comma].Trim();
        }

        return Places.Where(p => Same(p.Name, text))
            .OrderByDescending(p => p.Country == region)
            .ThenByDescending(p => p.Population)
            .FirstOrDefault();
    }

    public IReadOnlyList<Place> Suggest(string prefix, int max) =>
        [.. Places.Where(p => p.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).OrderByDescending(p => p.Population).Take(max)];

    public IReadOnlyList<Place> Nearest(GeoPoint point, int max) =>
        [.. Places.OrderBy(p => p.Location.DistanceKm(point)).Take(max)];

    private static bool Same(string a, string b) =>
        string.Compare(a, b, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
}
