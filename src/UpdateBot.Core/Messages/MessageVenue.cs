namespace UpdateBot.Core.Messages;

/// <summary>A venue to show on a map: a public place from an entry, never a user's own location.</summary>
public sealed record MessageVenue(double Latitude, double Longitude, string Title, string Address);
