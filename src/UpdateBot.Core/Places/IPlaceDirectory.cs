using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Places;

/// <summary>Looks places up by name (with aliases and accent folding) and by coordinates.</summary>
public interface IPlaceDirectory
{
    /// <summary>
    /// The most likely place for an explicitly given name ("/events near X"): exact name, curated alias or alternate
    /// name, ranked by the region hint (ISO country code, e.g. "GB") and population. Null when nothing matches.
    /// </summary>
    Place? Find(string name, string? regionHint);

    /// <summary>Places whose name starts with <paramref name="prefix"/>, most populous first (autocomplete).</summary>
    IReadOnlyList<Place> Suggest(string prefix, int max);

    /// <summary>The places nearest to <paramref name="point"/>, nearest first.</summary>
    IReadOnlyList<Place> Nearest(GeoPoint point, int max);
}
