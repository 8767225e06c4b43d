using System.Diagnostics.CodeAnalysis;

namespace UpdateBot.Core;

/// <summary>IANA time-zone look-up that never throws.</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new ArgumentException($"Unknown time zone '{id}'.", nameof(id));
}
