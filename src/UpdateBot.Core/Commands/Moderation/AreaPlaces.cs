using System.Globalization;
using UpdateBot.Core.Places;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>
/// Finds the centre of a "--near" area in the place directory. A post to the wrong Newport would reach the wrong
/// people, so a name shared by comparable places in different regions of the same country is refused until the
/// moderator says which ("Newport, Wales").
/// </summary>
internal static class AreaPlaces
{
    private const string Nothing = " Nothing was posted.";

    public static Place? Resolve(IPlaceDirectory places, string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var comma = text.LastIndexOf(',');
        if (comma > 0)
        {
            // "Newport, Wales": a name and its first-level region.
            var qualifier = text[(comma + 1)..].Trim();
            var inRegion = SameName(places, text[..comma].Trim())
                .Where(p => Same(p.Admin1, qualifier))
                .MaxBy(p => p.Population);
            if (inRegion is not null)
            {
                return inRegion;
            }
        }

        var place = places.Find(text, null);
        if (place is null)
        {
            error = $"I don't know a place called \"{Shorten(text)}\". Try a town or city name." + Nothing;
            return null;
        }

        var rivals = SameName(places, place.Name)
            .Where(p => p.Country == place.Country
                && !Same(p.Admin1, place.Admin1)
                && p.Population * 10 >= place.Population
                && p.Location.DistanceKm(place.Location) > 10)
            .Take(2)
            .ToList();
        if (rivals.Count > 0)
        {
            error = $"\"{Shorten(text)}\" could be {Label(place)} or {string.Join(" or ", rivals.Select(Label))}. "
                + $"Say which, e.g. --near \"{place.Name}, {place.Admin1}\"." + Nothing;
            return null;
        }

        return place;
    }

    public static string Label(Place place) => $"{place.Name} ({place.Admin1}, {place.Country})";

    private static IEnumerable<Place> SameName(IPlaceDirectory places, string name) =>
        name.Length == 0 ? [] : places.Suggest(name, 50).Where(p => Same(p.Name, name));

    private static bool Same(string a, string b) =>
        string.Compare(a, b, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
