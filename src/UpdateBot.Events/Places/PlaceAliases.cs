namespace UpdateBot.Events.Places;

/// <summary>
/// Curated short names people use for places whose gazetteer name is longer, and regional spellings of country codes.
/// Free text is matched against gazetteer names and these aliases only (alternate names are too generic: "City").
/// </summary>
internal static class PlaceAliases
{
    public static readonly IReadOnlyDictionary<string, (string Name, string Country)> Names =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["newcastle"] = ("Newcastle upon Tyne", "GB"),
            ["hull"] = ("Kingston upon Hull", "GB"),
            ["westminster"] = ("City of Westminster", "GB"),
            ["city of london"] = ("London", "GB"),
            ["nyc"] = ("New York City", "US"),
            ["new york"] = ("New York City", "US"),
            ["stoke"] = ("Stoke-on-Trent", "GB"),
            ["southend"] = ("Southend-on-Sea", "GB"),
            ["derry"] = ("Londonderry", "GB"),
        };

    /// <summary>Landmarks that imply a place when no place is named ("outside Parliament" in a UK feed is London).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Country)> Landmarks =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["parliament"] = ("London", "GB"),
            ["houses of parliament"] = ("London", "GB"),
            ["parliament square"] = ("London", "GB"),
            ["downing street"] = ("London", "GB"),
            ["trafalgar square"] = ("London", "GB"),
            ["whitehall"] = ("London", "GB"),
            ["hyde park"] = ("London", "GB"),
            ["house of commons"] = ("London", "GB"),
            ["holyrood"] = ("Edinburgh", "GB"),
            ["stormont"] = ("Belfast", "GB"),
            ["senedd"] = ("Cardiff", "GB"),
        };

    public static string? NormalizeRegion(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return null;
        }

        var r = region.Trim().ToUpperInvariant();
        return r switch
        {
            "UK" or "GREAT BRITAIN" or "UNITED KINGDOM" or "BRITAIN" or "ENGLAND" or "SCOTLAND" or "WALES" => "GB",
            "USA" or "UNITED STATES" => "US",
            _ => r,
        };
    }
}
