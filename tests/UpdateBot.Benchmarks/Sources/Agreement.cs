using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UpdateBot.Core.Entries;
using UpdateBot.Sources;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// Checks our RSS/Atom parser against the feedparser corpus's own "Expect:" lines, on the fields we use (title,
/// link, id, summary/content text) where the expectation is a plain equality; and that no file makes us throw.
/// </summary>
internal static partial class Agreement
{
    [GeneratedRegex(@"Expect:\s*(?:not bozo and )?(?<target>entries\[0\]|feed)\[?'?\.?(?<field>\w+)'?\]?(?:\[0\]\['value'\])?\s*==\s*u?(?<q>['""])(?<value>(?:\\.|(?!\k<q>).)*)\k<q>\s*$", RegexOptions.Multiline)]
    private static partial Regex Expectation();

    public static void Report(List<string> files)
    {
        int checkedCount = 0, agree = 0, crashes = 0;
        var disagreements = new List<string>();
        var zone = TimeZoneInfo.Utc;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            FeedSnapshot snapshot;
            try
            {
                snapshot = FeedParser.Parse(bytes, null, new Uri("http://example.org/"), new ParseOptions(DateTimeOffset.UnixEpoch, zone));
            }
#pragma warning disable CA1031 // Counting crashes is the point.
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashes++;
                disagreements.Add($"CRASH {Path.GetFileName(file)}: {e.GetType().Name}");
                continue;
            }

            var text = Encoding.UTF8.GetString(bytes);
            var match = Expectation().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var field = match.Groups["field"].Value.Replace("entries[0].", "", StringComparison.Ordinal);
            var expected = Unescape(match.Groups["value"].Value);
            var target = match.Groups["target"].Value;
            string? actual;
            if (target == "feed")
            {
                actual = field == "title" ? snapshot.Title : null;
                if (field != "title")
                {
                    continue;
                }
            }
            else
            {
                var entry = snapshot.Entries.Count > 0 ? snapshot.Entries[^1] : null;
                (var comparable, actual) = field switch
                {
                    "title" => (true, entry?.Title),
                    "link" => (true, entry?.Url),
                    "id" or "guid" => (true, entry?.Id),
                    "summary" or "description" or "content" when !expected.Contains('<', StringComparison.Ordinal) => (true, entry?.Text),
                    _ => (false, null),
                };
                if (!comparable)
                {
                    continue;
                }
            }

            checkedCount++;
            if (string.Equals(Normalise(actual), Normalise(expected), StringComparison.Ordinal))
            {
                agree++;
            }
            else
            {
                disagreements.Add($"{Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(file)!)!, file)}: {field} expected '{Short(expected)}' got '{Short(actual)}'");
            }
        }

        Console.WriteLine($"corpus agreement: {agree}/{checkedCount} plain-equality expectations on title/link/id/summary/content ({100.0 * agree / Math.Max(1, checkedCount):0.0}%), {crashes} crashes in {files.Count} files");
        foreach (var line in disagreements.Take(15))
        {
            Console.WriteLine("  " + line);
        }
    }

    private static string Normalise(string? value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Short(string? value) => value is null ? "(none)" : value.Length > 60 ? value[..60] + "…" : value;

    /// <summary>Python string-literal escapes: \xNN, \uNNNN, \n, \t, \\, \', \".</summary>
    private static string Unescape(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                builder.Append(value[i]);
                continue;
            }

            var c = value[++i];
            switch (c)
            {
                case 'x' when i + 2 < value.Length:
                    builder.Append((char)int.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case 'u' when i + 4 < value.Length:
                    builder.Append((char)int.Parse(value.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
