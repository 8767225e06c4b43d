namespace UpdateBot.Core.Chats;

/// <summary>
/// Coordinates in degrees. When it is a user's shared location it is used for one answer only:
/// never stored, never logged (ToString hides it).
/// </summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public override string ToString() => "(location)";

    /// <summary>Great-circle distance in kilometres.</summary>
    public double DistanceKm(GeoPoint other)
    {
        const double earthRadiusKm = 6371.0088;
        var lat1 = double.DegreesToRadians(Latitude);
        var lat2 = double.DegreesToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
