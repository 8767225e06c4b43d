using System.Text.RegularExpressions;

namespace UpdateBot.Events.Extraction;

/// <summary>The kinds of event the extractor knows, how they are written, and which kinds count as the same event.</summary>
internal static partial class EventKinds
{
    public static IEnumerable<(string Kind, int Index, int Length)> Find(string text)
    {
        foreach (Match m in KindWord().Matches(text))
        {
            var word = m.Value;
            var kind = Canonical(word);
            if (kind is null)
            {
                continue;
            }

            if (kind == "march" && char.IsUpper(word[0]) && !CapitalMarchIsEvent(text, m))
            {
                continue;
            }

            yield return (kind, m.Index, m.Length);
        }
    }

    /// <summary>Kinds that describe one event differently ("demo" and "rally" outside Parliament at 6pm).</summary>
    public static string Family(string kind) => kind switch
    {
        "demo" or "rally" or "protest" or "march" or "vigil" or "picket" or "gathering" or "sit-in" or "die-in" or "walkout" => "street",
        "meeting" or "agm" or "teach-in" or "hustings" or "forum" or "workshop" or "conference" or "screening" or "talk" => "meeting",
        _ => kind,
    };

    private static string? Canonical(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.StartsWith("counter-", StringComparison.Ordinal))
        {
            w = w["counter-".Length..];
        }

        return w switch
        {
            _ when w.StartsWith("demo", StringComparison.Ordinal) => "demo",
            _ when w.StartsWith("rall", StringComparison.Ordinal) => "rally",
            _ when w.StartsWith("protest", StringComparison.Ordinal) => "protest",
            _ when w.StartsWith("march", StringComparison.Ordinal) || w.StartsWith("procession", StringComparison.Ordinal) || w.StartsWith("parade", StringComparison.Ordinal) => "march",
            _ when w.StartsWith("vigil", StringComparison.Ordinal) => "vigil",
            _ when w.StartsWith("picket", StringComparison.Ordinal) => "picket",
            _ when w.StartsWith("annual general", StringComparison.Ordinal) || w.StartsWith("agm", StringComparison.Ordinal) => "agm",
            _ when w.StartsWith("meeting", StringComparison.Ordinal) => "meeting",
            _ when w.StartsWith("teach", StringComparison.Ordinal) => "teach-in",
            _ when w.StartsWith("gig", StringComparison.Ordinal) || w.StartsWith("concert", StringComparison.Ordinal) => "gig",
            _ when w.StartsWith("husting", StringComparison.Ordinal) => "hustings",
            _ when w.StartsWith("sit", StringComparison.Ordinal) => "sit-in",
            _ when w.StartsWith("die", StringComparison.Ordinal) => "die-in",
            _ when w.StartsWith("walk", StringComparison.Ordinal) => "walkout",
            _ when w.StartsWith("flash", StringComparison.Ordinal) => "flash mob",
            _ when w.Contains("stall", StringComparison.Ordinal) => "stall",
            _ when w.StartsWith("screening", StringComparison.Ordinal) => "screening",
            _ when w.StartsWith("conference", StringComparison.Ordinal) => "conference",
            _ when w.StartsWith("festival", StringComparison.Ordinal) => "festival",
            _ when w.StartsWith("fundraiser", StringComparison.Ordinal) => "fundraiser",
            _ when w.StartsWith("workshop", StringComparison.Ordinal) => "workshop",
            _ when w.Contains("forum", StringComparison.Ordinal) => "forum",
            _ when w.StartsWith("gathering", StringComparison.Ordinal) => "gathering",
            _ when w.StartsWith("public talk", StringComparison.Ordinal) => "talk",
            _ when w.StartsWith("public event", StringComparison.Ordinal) => "event",
            _ => null,
        };
    }

    private static bool CapitalMarchIsEvent(string text, Match m)
    {
        // "March" capitalised is a month ("in March", "20 March") unless it names a march ("the People's March", "March for Jobs").
        var before = text[..m.Index].TrimEnd();
        var after = text[(m.Index + m.Length)..].TrimStart();
        if (Regex.IsMatch(after, @"^(?:\d|of\b|19\d\d|20\d\d)") || Regex.IsMatch(before, @"(?:\d|\bin|\bof|\bsince|\buntil|\bby|\bfrom|\bearly|\blate|\bmid-?)$", RegexOptions.IgnoreCase))
        {
            return false;
        }

        return Regex.IsMatch(before, @"(?:['’]s|\bthe|\bThe|\ba|\bA|\bPeace|\bPride|\bJobs)$") || Regex.IsMatch(after, @"^(?:for|against|on|to|from|through|will|starts|begins|at)\b");
    }

    [GeneratedRegex(@"\b(?:counter-)?(?:demos?|demonstrations?|rall(?:y|ies)|protests?|march(?:es)?|processions?|parades?|vigils?|pickets?|picket\s+lines?|meetings?|agms?|annual\s+general\s+meetings?|teach-ins?|gigs?|concerts?|hustings|sit-ins?|die-ins?|walk-?outs?|flash\s*mobs?|street\s+stalls?|screenings?|conferences?|festivals?|fundraisers?|workshops?|public\s+forums?|gatherings?|public\s+talks?|public\s+events?)\b(?!-)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindWord();
}
