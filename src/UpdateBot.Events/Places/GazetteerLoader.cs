using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace UpdateBot.Events.Places;

/// <summary>Reads the shipped GeoNames extract (places.csv.gz + admin1.csv) into <see cref="GazetteerData"/>.</summary>
internal static class GazetteerLoader
{
    private const string PlacesResource = "UpdateBot.Events.places.csv.gz";
    private const string Admin1Resource = "UpdateBot.Events.admin1.csv";

    public static GazetteerData LoadEmbedded()
    {
        var assembly = typeof(GazetteerLoader).Assembly;
        using var places = assembly.GetManifestResourceStream(PlacesResource)
            ?? throw new InvalidOperationException($"Embedded resource {PlacesResource} is missing.");
        using var admin1 = assembly.GetManifestResourceStream(Admin1Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Admin1Resource} is missing.");
        return Load(places, admin1);
    }

    public static GazetteerData Load(Stream placesGzip, Stream admin1Csv)
    {
        var adminNames = ReadAdmin1(admin1Csv);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>(200_000);
        var countries = new List<string>(200_000);
        var admins = new List<string>(200_000);
        var lats = new List<float>(200_000);
        var lons = new List<float>(200_000);
        var pops = new List<int>(200_000);
        var old = new List<bool>(200_000);
        var seats = new List<bool>(200_000);
        var keyHashes = new List<ulong>(600_000);
        var keyPlaces = new List<int>(600_000);
        
        using var gzip = new GZipStream(placesGzip, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        Span<Range> fields = stackalloc Range[12];
        var unquoted = new List<string>(4);
        _ = reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (CsvFields.Split(line, fields, unquoted) < 12)
            {
                continue;
            }

            var nameSpan = CsvFields.Get(line, fields[1], unquoted);
            if (nameSpan.IsEmpty
                || !float.TryParse(CsvFields.Get(line, fields[4], unquoted), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !float.TryParse(CsvFields.Get(line, fields[5], unquoted), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                continue;
            }

            var index = names.Count;
            var country = Intern(interned, CsvFields.Get(line, fields[6], unquoted));
            var adminCode = CsvFields.Get(line, fields[7], unquoted).ToString();
            var admin = adminNames.TryGetValue($"{country}.{adminCode}", out var adminName) ? adminName : adminCode;
            _ = int.TryParse(CsvFields.Get(line, fields[9], unquoted), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop);
            var feature = CsvFields.Get(line, fields[10], unquoted);
            names.Add(nameSpan.ToString());
            countries.Add(country);
            admins.Add(Intern(interned, admin));
            lats.Add(lat);
            lons.Add(lon);
            pops.Add(pop);
            old.Add(CsvFields.Get(line, fields[11], unquoted) is "O");
            seats.Add(feature.StartsWith("PPLA", StringComparison.Ordinal) || feature is "PPLC");

            var key = NameFolding.FoldedHash(nameSpan);
            keyHashes.Add(key);
            keyPlaces.Add(index);
            var ascii = CsvFields.Get(line, fields[2], unquoted);
            if (!ascii.IsEmpty)
            {
                var asciiKey = NameFolding.FoldedHash(ascii);
                if (asciiKey != key)
                {
                    keyHashes.Add(asciiKey);
                    keyPlaces.Add(index);
                }
            }

            foreach (var alt in CsvFields.Get(line, fields[3], unquoted).Split('|'))
            {
                var altSpan = CsvFields.Get(line, fields[3], unquoted)[alt];
                if (altSpan.IsEmpty)
                {
                    continue;
                }

                var altKey = NameFolding.FoldedHash(altSpan);
                if (altKey != key)
                {
                    keyHashes.Add(altKey);
                    keyPlaces.Add(index | GazetteerData.AlternateFlag);
                }
            }
        }

        var hashes = keyHashes.ToArray();
        var places = keyPlaces.ToArray();
        Array.Sort(hashes, places);
        var nameArray = names.ToArray();

        return new GazetteerData
        {
            Names = nameArray,
            Countries = [.. countries],
            Admin1 = [.. admins],
            Latitudes = [.. lats],
            Longitudes = [.. lons],
            Populations = [.. pops],
            Old = [.. old],
            Seats = [.. seats],
            KeyHashes = hashes,
            KeyPlaces = places,
            ByName = new Lazy<int[]>(() => SortByName(nameArray)),
        };
    }

    // Built on the first prefix search only: autocomplete is rarer than look-ups and sorting names costs start-up time.
    private static int[] SortByName(string[] names)
    {
        var order = Enumerable.Range(0, names.Length).ToArray();
        var folded = names.Select(n => NameFolding.Fold(n)).ToArray();
        Array.Sort(folded, order, StringComparer.Ordinal);
        return order;
    }

    private static Dictionary<string, string> ReadAdmin1(Stream csv)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(csv, Encoding.UTF8);
        Span<Range> fields = stackalloc Range[2];
        var unquoted = new List<string>(2);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (CsvFields.Split(line, fields, unquoted) == 2)
            {
                result[CsvFields.Get(line, fields[0], unquoted).ToString()] = CsvFields.Get(line, fields[1], unquoted).ToString();
            }
        }

        return result;
    }

    private static string Intern(Dictionary<string, string> interned, ReadOnlySpan<char> value)
    {
        var lookup = interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var s = value.ToString();
        interned[s] = s;
        return s;
    }
}
