using System.Text.RegularExpressions;

namespace UpdateBot.Events.Extraction;

/// <summary>Finds the venue: the phrase after at / in / outside / from ("Millennium Square", "outside Parliament", "the statue").</summary>
internal static partial class VenueSpotter
{
    private static readonly HashSet<string> NotVenues = new(StringComparer.OrdinalIgnoreCase)
    {
        "twitter", "facebook", "instagram", "youtube", "tiktok", "the moment", "the morning", "the evening", "the afternoon",
        "the end", "the meantime", "the run-up", "the face", "the name", "the wake", "the light", "the event", "support",
        "labour", "momentum", "the labour party", "the party", "the uk", "britain", "europe", "the eu", "the country",
        "solidarity", "defence", "the city", "town", "the town", "the area", "the region",
    };

    public static (string Venue, int Index)? Find(string clause, PlaceSpotter places, int near)
    {
        (string, int)? best = null;
        var bestDistance = int.MaxValue;
        foreach (Match m in VenuePhrase().Matches(clause))
        {
            var prep = m.Groups["prep"].Value.ToLowerInvariant();
            var phrase = m.Groups["v"].Value.Trim().TrimEnd('.', ',', ':', ';');
            phrase = TrailingJunk().Replace(phrase, "");
            if (phrase.Length < 3 || NotVenues.Contains(phrase) || IsTimeOrDate(phrase))
            {
                continue;
            }

            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);

            // "Newcastle's Grey's Monument": the place's possessive is not part of the venue.
            if (words.Length > 1 && (words[0].EndsWith("'s", StringComparison.Ordinal) || words[0].EndsWith("’s", StringComparison.Ordinal))
                && places.IsPlaceName(words[0][..^2]))
            {
                phrase = string.Join(' ', words[1..]);
                words = words[1..];
            }

            // A bare place name ("in Leeds", "in Hackney South") is the place, not a venue.
            if (!HasVenueNoun(phrase) && (places.IsPlaceName(phrase) || places.IsPlaceName(words[0].Trim('\'', '’'))))
            {
                continue;
            }

            if (!char.IsUpper(phrase[0]) && !phrase.StartsWith("the ", StringComparison.Ordinal))
            {
                continue;
            }

            var venue = prep is "outside" or "opposite" ? $"{prep} {phrase}" : phrase;
            var distance = Math.Abs(m.Index - near);
            if (distance < bestDistance)
            {
                (best, bestDistance) = ((venue, m.Index), distance);
            }
        }

        return best;
    }

    /// <summary>"Millennium Square, 2pm.": a venue opening a sentence that completes an event named before it.</summary>
    public static string? Leading(string clause, PlaceSpotter places)
    {
        var m = LeadingPhrase().Match(clause);
        if (!m.Success)
        {
            return null;
        }

        var phrase = m.Groups["v"].Value;
        return IsTimeOrDate(phrase) || NotVenues.Contains(phrase) || (!HasVenueNoun(phrase) && places.IsPlaceName(phrase)) ? null : phrase;
    }

    private static bool HasVenueNoun(string phrase) => VenueNoun().IsMatch(phrase);

    private static bool IsTimeOrDate(string phrase) => DateOrTimeWord().IsMatch(phrase);

    [GeneratedRegex(@"\b(?<prep>at|in|outside|opposite|from)\s+(?<v>(?:the\s+)?(?:(?:[\p{Lu}\d][\p{L}\p{M}\d'’\-\.&]*)(?:\s+(?:(?:of|the|and|&|upon|on|de|la)\s+)?[\p{Lu}\d][\p{L}\p{M}\d'’\-&]*)*(?:\s+(?:pub|bar|hall|church|hotel|cafe|café|square|park|statue|club|centre|theatre|library))?|(?:[a-z]+\s+){0,2}(?:statue|square|park|hall|church|station|library|cathedral|monument|steps|gates|pub|centre|center|green|common|bandstand|fountain|tower|campus|offices?|embassy|consulate|courts?|memorial|chambers|cenotaph|bridge|market|museum|gallery|stadium|arena|hotel|theatre|cinema|club)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex VenuePhrase();

    [GeneratedRegex(@"\b(?:statue|square|park|hall|church|station|library|cathedral|monument|steps|gates|pub|centre|center|green|common|bandstand|fountain|tower|campus|offices?|embassy|consulate|courts?|memorial|chambers|cenotaph|bridge|market|museum|gallery|stadium|arena|hotel|theatre|cinema|club|house|street|road|lane|place|arms|inn|tavern|building|university|college|school|parliament|plaza|quay|gardens?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VenueNoun();

    [GeneratedRegex(@"^(?:the\s+)?(?:\d|noon|midday|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|tomorrow|this|next|half|an?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOrTimeWord();

    [GeneratedRegex(@"^(?<v>(?:the\s+)?\p{Lu}[\p{L}'’]+(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’]+){0,4}),")]
    private static partial Regex LeadingPhrase();

    [GeneratedRegex(@"\s+(?:on|at|in|from|to|and|the|of|&)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingJunk();
}
