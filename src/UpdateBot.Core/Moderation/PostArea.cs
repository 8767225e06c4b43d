using System.Globalization;
using UpdateBot.Core.Places;

namespace UpdateBot.Core.Moderation;

/// <summary>The area of a moderator's "--near" post: chats whose home place lies within <see cref="RadiusKm"/> of <see cref="Center"/>.</summary>
public sealed record PostArea(Place Center, double RadiusKm)
{
    /// <summary>The same default, bounds and unit (kilometres) as "/subscribe --near".</summary>
    public const double DefaultRadiusKm = 25;

    public const double MinRadiusKm = 1;

    public const double MaxRadiusKm = 500;

    /// <summary>True when the home place lies within the radius (inclusive); a chat with no home place is never inside.</summary>
    public bool Contains(Place? home) => home is not null && Center.Location.DistanceKm(home.Location) <= RadiusKm;

    /// <summary>"within 20 km of Leeds (England, GB)".</summary>
    public string Describe() =>
        $"within {RadiusKm.ToString("0.#", CultureInfo.InvariantCulture)} km of {Center.Name} ({Center.Admin1}, {Center.Country})";
}
