namespace UpdateBot.Events.Places;

/// <summary>
/// The loaded gazetteer, stored column-wise for compactness: one array per field, names kept once, look-up keys as
/// sorted 64-bit hashes of folded names (no per-key strings).
/// </summary>
internal sealed class GazetteerData
{
    /// <summary>Set in <see cref="KeyPlaces"/> when the key came from an alternate name (not the name or ASCII name).</summary>
    public const int AlternateFlag = 1 << 30;

    public required string[] Names { get; init; }

    public required string[] Countries { get; init; }

    public required string[] Admin1 { get; init; }

    public required float[] Latitudes { get; init; }

    public required float[] Longitudes { get; init; }

    public required int[] Populations { get; init; }

    /// <summary>True for rows known only from the older export (ranked last).</summary>
    public required bool[] Old { get; init; }

    /// <summary>True for administrative seats (listed with population 0 by GeoNames, e.g. Hackney).</summary>
    public required bool[] Seats { get; init; }

    /// <summary>Hashes of folded names, sorted; <see cref="KeyPlaces"/> holds the place index for each.</summary>
    public required ulong[] KeyHashes { get; init; }

    public required int[] KeyPlaces { get; init; }

    /// <summary>Place indices ordered by folded name, for prefix search.</summary>
    public required Lazy<int[]> ByName { get; init; }

    public int Count => Names.Length;

    /// <summary>All place indices whose name, ASCII name or (when allowed) alternate name folds to <paramref name="folded"/>.</summary>
    public IEnumerable<(int Place, bool Alternate)> Lookup(string folded, bool includeAlternates)
    {
        var hash = NameFolding.Hash(folded);
        var i = LowerBound(hash);
        for (; i < KeyHashes.Length && KeyHashes[i] == hash; i++)
        {
            var alternate = (KeyPlaces[i] & AlternateFlag) != 0;
            if (alternate && !includeAlternates)
            {
                continue;
            }

            yield return (KeyPlaces[i] & ~AlternateFlag, alternate);
        }
    }

    private int LowerBound(ulong hash)
    {
        int lo = 0, hi = KeyHashes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (KeyHashes[mid] < hash)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
