using UpdateBot.Core.Chats;
using UpdateBot.Core.Places;

namespace UpdateBot.Web.Tests.Fakes;

public sealed class FakePlaceDirectory(params Place[] places) : IPlaceDirectory
{
    public List<string?> RegionHints { get; } = [];

    public Place? Find(string name, string? regionHint)
    {
        RegionHints.Add(regionHint);
        return places.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<Place> Suggest(string prefix, int max) =>
        places.Where(p => p.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Take(max).ToList();

    public IReadOnlyList<Place> Nearest(GeoPoint point, int max) =>
        places.OrderBy(p => p.Location.DistanceKm(point)).Take(max).ToList();
}
