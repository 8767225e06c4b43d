using System.Text.RegularExpressions;
using UpdateBot.Events.Places;

namespace UpdateBot.Events.Extraction;

/// <summary>
/// Finds city, town and district names in free text. Conservative by design: capitalised words only, names (not the
/// generic alternate names) and curated aliases, the feed's country or big cities elsewhere, and common words or first
/// names that are also places (Reading, Bath, March, Street, Victoria…) only right after "in/at/from/near/to".
/// </summary>
internal sealed partial class PlaceSpotter(GeoNamesGazetteer gazetteer, string? region)
{
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "reading", "bath", "street", "victoria", "deal", "sale", "hope", "wells", "stone", "ware", "mold", "bury", "ash",
        "church", "sandwich", "send", "wool", "nelson", "lincoln", "washington", "barry", "moss", "hill", "chester",
        "clifton", "hale", "holt", "leigh", "ashley", "beverley", "shirley", "stanley", "cheddar", "diss", "hayes",
        "ramsey", "dudley", "burton", "morley", "whitby", "rugby", "poole", "cowes", "wigton", "bolton", "preston",
        "stafford", "sutton", "selby", "crewe", "neath", "harrow", "blyth", "tring", "alford", "jarrow", "kelly",
        "march", "may", "eye", "par", "more", "over", "tongue", "ham", "hook", "kings", "ray", "rose", "lee", "west",
        "east", "north", "south", "central", "university", "college", "union", "parliament", "labour", "momentum",
    };

    // Words that never begin a place name in running text however they are capitalised.
    private static readonly HashSet<string> NeverPlaces = new(StringComparer.Ordinal)
    {
        "march", "may", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "april", "june", "july", "august", "september", "october", "november", "december", "the", "a",
        "labour", "momentum", "parliament", "university", "union", "mp", "mps", "tory", "tories", "god", "mass",
    };

    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "central", "greater", "inner", "outer", "mid", "upper", "lower", "old",
    };

    // Capitalised only because they begin a sentence or a heading.
    private static readonly HashSet<string> LeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "from", "on", "the", "a", "an", "for", "to", "and", "but", "near", "outside", "after", "before", "this",
        "that", "with", "by", "of", "join", "update", "meanwhile", "tonight", "today", "tomorrow", "across", "around",
        "also", "breaking", "latest", "news", "reminder", "see", "support", "urgent", "while",
    };

    // "Hyde Park", "Oxford Street", "Victoria Square": a street or park named after a place is not that place.
    private static readonly HashSet<string> StreetWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "park", "square", "street", "road", "lane", "gardens", "green", "common", "avenue", "way", "place", "circus",
        "terrace", "row", "crescent", "close", "drive", "walk", "gate", "hill", "bridge", "quay", "wharf", "fields",
    };

    private static readonly HashSet<string> ContextWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "from", "near", "to", "around", "across", "outside", "through", "into", "for", "of",
    };

    public string? Region { get; } = region;

    public IReadOnlyList<PlaceMention> Find(string text)
    {
        var found = new List<PlaceMention>();
        foreach (Match seq in CapitalisedRun().Matches(text))
        {
            var words = WordIn().Matches(seq.Value).Select(w => (w.Index + seq.Index, Word: w.Value)).ToList();
            var start = 0;
            while (start < words.Count - 1 && LeadingWords.Contains(words[start].Word))
            {
                start++;
            }

            var match = MatchAt(text, words, start)
                ?? (start < words.Count - 1 && Directions.Contains(words[start].Word.ToLowerInvariant()) ? MatchAt(text, words, start + 1) : null);
            if (match is not null)
            {
                found.Add(match);
            }
        }

        return found;
    }

    /// <summary>A place a landmark implies ("Parliament" in a UK feed: London), or -1.</summary>
    public int Landmark(string venue)
    {
        var folded = NameFolding.Fold(Regex.Replace(venue, @"^(?:outside|opposite|near|at|in)\s+(?:the\s+)?", "", RegexOptions.IgnoreCase));
        return gazetteer.FindLandmark(folded, Region);
    }

    public bool IsPlaceName(string text) => gazetteer.FindInText(NameFolding.Fold(text), Region) >= 0;

    private PlaceMention? MatchAt(string text, List<(int Index, string Word)> words, int start)
    {
        for (var length = Math.Min(4, words.Count - start); length >= 1; length--)
        {
            var first = words[start].Word;
            var last = words[start + length - 1];
            var lastWord = StripPossessive(last.Word);
            var phrase = string.Join(' ', words.Skip(start).Take(length - 1).Select(w => w.Word).Append(lastWord));
            var folded = NameFolding.Fold(phrase);
            if (length == 1 && NeverPlaces.Contains(folded))
            {
                return null;
            }

            var index = gazetteer.FindInText(folded, Region);
            if (index < 0)
            {
                continue;
            }

            var at = words[start].Index;
            var next = start + length;
            if (next < words.Count && StreetWords.Contains(words[next].Word))
            {
                return null;
            }

            var alone = next >= words.Count || !char.IsUpper(words[next].Word[0]);
            if (length == 1 && CommonWords.Contains(folded) && !HasContext(text, at, alone))
            {
                return null;
            }

            _ = first;
            return new PlaceMention(index, at, last.Index + lastWord.Length - at, phrase);
        }

        return null;
    }

    private static bool HasContext(string text, int at, bool alone)
    {
        if (!alone)
        {
            return false;
        }

        var before = text[..at].TrimEnd();
        var lastSpace = before.LastIndexOfAny([' ', '\n', '(']);
        var previous = before[(lastSpace + 1)..];
        return ContextWords.Contains(previous);
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    // Runs of capitalised words, joined by the lower-case particles of place names ("Newcastle upon Tyne").
    [GeneratedRegex(@"(?<![\p{L}\p{M}#@'’])\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*(?:\s+(?:(?:upon|on|under|le|la|de|en|sur|am|by|the)\s+)?\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)*")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*")]
    private static partial Regex WordIn();
}
