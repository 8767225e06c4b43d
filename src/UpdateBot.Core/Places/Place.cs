using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Places;

/// <summary>A populated place from the gazetteer: a city, town or district.</summary>
/// <param name="Name">The place's own name ("Newcastle upon Tyne").</param>
/// <param name="Country">ISO 3166-1 alpha-2 code ("GB").</param>
/// <param name="Admin1">First-level division name when known ("England"), else its code.</param>
/// <param name="Location">Where the place is (a public place, not a person's location).</param>
/// <param name="Population">Population, 0 when unknown.</param>
public sealed record Place(string Name, string Country, string Admin1, GeoPoint Location, long Population)
{
    public override string ToString() => $"{Name}, {Country}";
}
