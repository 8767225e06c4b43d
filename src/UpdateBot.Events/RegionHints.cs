namespace UpdateBot.Events;

/// <summary>The country a feed's time zone suggests, used to rank ambiguous place names.</summary>
public static class RegionHints
{
    private static readonly Dictionary<string, string> ByZone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Europe/London"] = "GB",
        ["Europe/Belfast"] = "GB",
        ["Europe/Dublin"] = "IE",
        ["Europe/Paris"] = "FR",
        ["Europe/Berlin"] = "DE",
        ["Europe/Madrid"] = "ES",
        ["Europe/Rome"] = "IT",
        ["Europe/Amsterdam"] = "NL",
        ["Europe/Brussels"] = "BE",
        ["America/New_York"] = "US",
        ["America/Chicago"] = "US",
        ["America/Denver"] = "US",
        ["America/Los_Angeles"] = "US",
        ["America/Toronto"] = "CA",
        ["Australia/Sydney"] = "AU",
        ["Australia/Melbourne"] = "AU",
        ["Pacific/Auckland"] = "NZ",
    };

    /// <summary>The ISO country code for a time zone, or null when the zone spans several countries or is unknown.</summary>
    public static string? ForZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ByZone.TryGetValue(zone.Id, out var region) ? region : null;
    }
}
