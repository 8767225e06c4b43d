using UpdateBot.Core.Chats;
using UpdateBot.Core.Places;

namespace UpdateBot.Events.Places;

/// <summary>The shipped GeoNames gazetteer: loaded on first use, then read-only and thread-safe.</summary>
internal sealed class GeoNamesGazetteer : IPlaceDirectory
{
    private const double SeatPopulation = 20_000;

    private readonly Lazy<GazetteerData> data;
    private readonly string? defaultRegion;

    public GeoNamesGazetteer(Func<GazetteerData> load, string? defaultRegion = "GB")
    {
        data = new Lazy<GazetteerData>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        this.defaultRegion = PlaceAliases.NormalizeRegion(defaultRegion);
    }

    public static GeoNamesGazetteer Embedded(string? defaultRegion = "GB") => new(GazetteerLoader.LoadEmbedded, defaultRegion);

    public bool IsLoaded => data.IsValueCreated;

    internal GazetteerData Data => data.Value;

    public Place? Find(string name, string? regionHint)
    {
        ArgumentNullException.ThrowIfNull(name);
        var region = PlaceAliases.NormalizeRegion(regionHint) ?? defaultRegion;
        var text = name.Trim();
        var comma = text.LastIndexOf(',');
        if (comma > 0)
        {
            var qualifier = PlaceAliases.NormalizeRegion(text[(comma + 1)..]);
            if (qualifier is { Length: 2 })
            {
                region = qualifier;
                text = text[..comma];
            }
        }

        var index = Best(NameFolding.Fold(text), region, includeAlternates: true);
        return index < 0 ? null : ToPlace(index);
    }

    /// <summary>
    /// The best place for a name met in free text: gazetteer names and curated aliases only, limited to the region's
    /// country and to big cities elsewhere. -1 when none.
    /// </summary>
    internal int FindInText(string folded, string? region)
    {
        var d = data.Value;
        if (PlaceAliases.Names.TryGetValue(folded, out var alias)
            && (region is null || alias.Country == region))
        {
            return Best(NameFolding.Fold(alias.Name), alias.Country, includeAlternates: false);
        }

        var best = -1;
        var bestScore = double.MinValue;
        foreach (var (place, _) in d.Lookup(folded, includeAlternates: false))
        {
            var inRegion = region is null || d.Countries[place] == region;
            var pop = EffectivePopulation(d, place);
            if (d.Old[place] || (inRegion ? pop < 1_000 : pop < 500_000))
            {
                continue;
            }

            var score = Score(d, place, alternate: false, region);
            if (score > bestScore)
            {
                (best, bestScore) = (place, score);
            }
        }

        return best;
    }

    internal int FindLandmark(string folded, string? region)
    {
        return PlaceAliases.Landmarks.TryGetValue(folded, out var landmark) && (region is null || landmark.Country == region)
            ? Best(NameFolding.Fold(landmark.Name), landmark.Country, includeAlternates: false)
            : -1;
    }

    public IReadOnlyList<Place> Suggest(string prefix, int max)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folded = NameFolding.Fold(prefix);
        if (folded.Length == 0 || max <= 0)
        {
            return [];
        }

        var d = data.Value;
        var byName = d.ByName.Value;
        int lo = 0, hi = byName.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(NameFolding.Fold(d.Names[byName[mid]]), folded) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var found = new List<(int Place, double Score)>();
        for (var i = lo; i < byName.Length && found.Count < 20_000; i++)
        {
            var place = byName[i];
            if (!NameFolding.Fold(d.Names[place]).StartsWith(folded, StringComparison.Ordinal))
            {
                break;
            }

            if (!d.Old[place])
            {
                found.Add((place, Score(d, place, alternate: false, defaultRegion)));
            }
        }

        return [.. found.OrderByDescending(f => f.Score).Take(max).Select(f => ToPlace(f.Place))];
    }

    public IReadOnlyList<Place> Nearest(GeoPoint point, int max)
    {
        if (max <= 0)
        {
            return [];
        }

        var d = data.Value;
        var cosLat = Math.Cos(double.DegreesToRadians(point.Latitude));
        var best = new List<(double Distance, int Place)>(max + 1);
        for (var i = 0; i < d.Count; i++)
        {
            if (d.Old[i])
            {
                continue;
            }

            var dLat = d.Latitudes[i] - point.Latitude;
            var dLon = d.Longitudes[i] - point.Longitude;
            if (dLon > 180)
            {
                dLon -= 360;
            }
            else if (dLon < -180)
            {
                dLon += 360;
            }

            var approx = (dLat * dLat) + (dLon * cosLat * dLon * cosLat);
            if (best.Count == max && approx >= best[^1].Distance)
            {
                continue;
            }

            var at = best.FindIndex(b => b.Distance > approx);
            best.Insert(at < 0 ? best.Count : at, (approx, i));
            if (best.Count > max)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        return [.. best.Select(b => ToPlace(b.Place))];
    }

    internal Place ToPlace(int index)
    {
        var d = data.Value;
        return new Place(d.Names[index], d.Countries[index], d.Admin1[index], new GeoPoint(d.Latitudes[index], d.Longitudes[index]), d.Populations[index]);
    }

    private int Best(string folded, string? region, bool includeAlternates)
    {
        var d = data.Value;
        if (includeAlternates && PlaceAliases.Names.TryGetValue(folded, out var alias) && (region is null || alias.Country == region))
        {
            var aliased = Best(NameFolding.Fold(alias.Name), alias.Country, includeAlternates: false);
            if (aliased >= 0)
            {
                return aliased;
            }
        }

        var best = -1;
        var bestScore = double.MinValue;
        foreach (var (place, alternate) in d.Lookup(folded, includeAlternates))
        {
            var score = Score(d, place, alternate, region);
            if (score > bestScore)
            {
                (best, bestScore) = (place, score);
            }
        }

        return best;
    }

    private static double EffectivePopulation(GazetteerData d, int place) =>
        d.Populations[place] == 0 && d.Seats[place] ? SeatPopulation : d.Populations[place];

    private static double Score(GazetteerData d, int place, bool alternate, string? region)
    {
        var score = Math.Log10(EffectivePopulation(d, place) + 1);
        if (region is not null && d.Countries[place] == region)
        {
            score += 3;
        }

        if (alternate)
        {
            score -= 0.5;
        }

        if (d.Old[place])
        {
            score -= 2;
        }

        return score;
    }
}
