using System.Globalization;
using System.Text.RegularExpressions;
using UpdateBot.Core.Moderation;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>
/// The "--near &lt;place&gt; [radius]" option of /post. The argument parser takes "--near Leeds" off the end of the free
/// text by itself; a place of several words or a radius after it ("--near Newcastle upon Tyne 20km") stays in the
/// text, so it is split off here. The radius is in kilometres, 1–500, default 25, as for "/subscribe --near".
/// </summary>
internal sealed partial record NearOption(string PlaceText, double RadiusKm)
{
    private const string Nothing = " Nothing was posted.";

    public const string Example = "--near Leeds 20km";

    /// <summary>
    /// Reads the option. Returns false with <paramref name="error"/> set when it is malformed; true otherwise, with
    /// <paramref name="near"/> null when no area was asked for. <paramref name="text"/> is the entry's text without it.
    /// </summary>
    public static bool TryRead(CommandArguments arguments, out string text, out NearOption? near, out bool now, out string? error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        text = arguments.Text("text") ?? "";
        now = arguments.Flag("now");
        near = null;
        error = null;
        var placeText = arguments.Text("near");
        var radiusText = arguments.Text("radius");

        var tokens = ArgumentParser.Tokenize(text);
        var at = tokens.FindLastIndex(t => t.Token.Equals("--near", StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            if (placeText is not null)
            {
                error = "Give --near only once." + Nothing;
                return false;
            }

            var words = new List<string>();
            for (var i = at + 1; i < tokens.Count; i++)
            {
                var token = tokens[i].Token;
                if (token.Equals("--now", StringComparison.OrdinalIgnoreCase))
                {
                    now = true;
                }
                else if (token.Equals("--radius", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Count)
                {
                    radiusText = tokens[++i].Token;
                }
                else
                {
                    words.Add(token);
                }
            }

            placeText = string.Join(' ', words);
            text = StripTrailingFlags(text[..tokens[at].Start], ref now, ref radiusText);
        }
        else if (placeText is not null && LeadingRadius().Match(text) is { Success: true } leading)
        {
            // "/post --near Leeds 20km Road closed": the parser took "Leeds" as the place and left the radius in the text.
            if (radiusText is not null)
            {
                error = $"Give the radius once, e.g. {Example}." + Nothing;
                return false;
            }

            radiusText = leading.Groups["n"].Value;
            text = text[leading.Length..].TrimStart();
        }

        if (placeText is null)
        {
            if (radiusText is not null)
            {
                error = $"--radius goes with --near, e.g. {Example}." + Nothing;
                return false;
            }

            return true;
        }

        placeText = placeText.Trim();
        var typed = TrailingRadius().Match(placeText);
        if (typed.Success)
        {
            if (radiusText is not null)
            {
                error = $"Give the radius once, e.g. {Example}." + Nothing;
                return false;
            }

            var unit = typed.Groups["unit"].Value.ToLowerInvariant();
            if (unit is not ("" or "km" or "kms" or "k" or "kilometre" or "kilometres" or "kilometer" or "kilometers"))
            {
                error = $"The radius is in kilometres, e.g. {Example}." + Nothing;
                return false;
            }

            radiusText = typed.Groups["n"].Value;
            placeText = typed.Groups["place"].Value.Trim();
        }

        if (placeText.Length == 0)
        {
            error = $"--near needs a place, e.g. {Example}." + Nothing;
            return false;
        }

        var radius = PostArea.DefaultRadiusKm;
        if (radiusText is not null
            && (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out radius) || !double.IsFinite(radius)))
        {
            error = $"The radius must be a number of kilometres, e.g. {Example}." + Nothing;
            return false;
        }

        if (radius is < PostArea.MinRadiusKm or > PostArea.MaxRadiusKm)
        {
            error = $"Radius must be between {PostArea.MinRadiusKm:0} and {PostArea.MaxRadiusKm:0} km." + Nothing;
            return false;
        }

        near = new NearOption(placeText, radius);
        return true;
    }

    /// <summary>"Road closed --now --near Leeds 20km": flags between the text and --near belong to the command too.</summary>
    private static string StripTrailingFlags(string text, ref bool now, ref string? radiusText)
    {
        var tokens = ArgumentParser.Tokenize(text);
        var end = tokens.Count;
        while (end > 0)
        {
            if (tokens[end - 1].Token.Equals("--now", StringComparison.OrdinalIgnoreCase))
            {
                now = true;
                end--;
            }
            else if (end > 1 && radiusText is null && tokens[end - 2].Token.Equals("--radius", StringComparison.OrdinalIgnoreCase))
            {
                radiusText = tokens[end - 1].Token;
                end -= 2;
            }
            else
            {
                break;
            }
        }

        return (end == tokens.Count ? text : text[..tokens[end].Start]).TrimEnd();
    }

    // "Leeds 20km", "Leeds 20 km", "Leeds 2.5", "20km" (no place), "Leeds -3km", "Leeds 20mi" (wrong unit).
    [GeneratedRegex(@"^(?:(?<place>.*\S)\s+)?(?<n>[-+]?\d+(?:\.\d+)?)\s*(?<unit>\p{L}*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingRadius();

    // "20km Road closed" (a unit is required, so "5 people hurt" stays text) or a bare "20" that is the whole text.
    [GeneratedRegex(@"^(?:(?<n>\d+(?:\.\d+)?)\s*(?:km|kms|kilometres|kilometers)\b|(?<n>\d+(?:\.\d+)?)\s*$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingRadius();
}
