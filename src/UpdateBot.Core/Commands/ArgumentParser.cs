using System.Globalization;
using System.Text;

namespace UpdateBot.Core.Commands;

/// <summary>
/// Parses a command's argument text against its definition: positional options in order, "--flag value" options,
/// quoted values, and a rest-of-line option. Every problem becomes one short message for the user.
/// </summary>
public static class ArgumentParser
{
    public const int MaxValueLength = 4000;

    public static CommandParseResult Parse(CommandDefinition definition, string argumentText)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = definition.Options.Where(o => !o.Flag).ToList();
        var next = 0;
        var tokens = Tokenize(argumentText ?? "");
        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, start) = tokens[i];
            if (token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2)
            {
                var name = token[2..];
                var option = definition.Options.FirstOrDefault(o => o.Flag && string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    return CommandParseResult.Fail($"Unknown option --{Shorten(name)}. Usage: {definition.Usage}");
                }

                if (option.Type == OptionType.Boolean)
                {
                    values[option.Name] = "true";
                    continue;
                }

                if (i + 1 >= tokens.Count)
                {
                    return CommandParseResult.Fail($"--{option.Name} needs a value. Usage: {definition.Usage}");
                }

                values[option.Name] = tokens[++i].Token;
                continue;
            }

            if (next >= positional.Count)
            {
                return CommandParseResult.Fail($"Too many arguments. Usage: {definition.Usage}");
            }

            var target = positional[next++];
            if (target.Rest)
            {
                values[target.Name] = RestOfLine(argumentText!, start, tokens, i, definition, values, out var error);
                if (error is not null)
                {
                    return CommandParseResult.Fail(error);
                }

                break;
            }

            values[target.Name] = token;
        }

        return Validate(definition, values);
    }

    /// <summary>Checks values a platform passed by name (Discord options) against the definition.</summary>
    public static CommandParseResult FromNamed(CommandDefinition definition, IReadOnlyDictionary<string, string> named)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(named);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in named)
        {
            var option = definition.Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                return CommandParseResult.Fail($"Unknown option {Shorten(name)}. Usage: {definition.Usage}");
            }

            values[option.Name] = value;
        }

        return Validate(definition, values);
    }

    private static CommandParseResult Validate(CommandDefinition definition, Dictionary<string, string> values)
    {
        foreach (var option in definition.Options)
        {
            if (!values.TryGetValue(option.Name, out var value))
            {
                if (option.Required)
                {
                    return CommandParseResult.Fail($"Missing {option.Name}. Usage: {definition.Usage}");
                }

                continue;
            }

            if (value.Length > MaxValueLength)
            {
                return CommandParseResult.Fail($"{Capitalise(option.Name)} is too long (at most {MaxValueLength} characters).");
            }

            var error = CheckType(option, value);
            if (error is not null)
            {
                return CommandParseResult.Fail(error + $" Usage: {definition.Usage}");
            }
        }

        return CommandParseResult.Ok(new CommandArguments(values));
    }

    private static string? CheckType(CommandOption option, string value)
    {
        if (option.Choices.Count > 0 && !option.Choices.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return $"{Capitalise(option.Name)} must be one of: {string.Join(", ", option.Choices)}.";
        }

        switch (option.Type)
        {
            case OptionType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return $"{Capitalise(option.Name)} must be a whole number, not '{Shorten(value)}'.";
                }

                return Range(option, integer);
            case OptionType.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return $"{Capitalise(option.Name)} must be a number, not '{Shorten(value)}'.";
                }

                return Range(option, number);
            default:
                return null;
        }
    }

    private static string? Range(CommandOption option, double value)
    {
        if ((option.Min is { } min && value < min) || (option.Max is { } max && value > max))
        {
            return $"{Capitalise(option.Name)} must be between {option.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {option.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}.";
        }

        return null;
    }

    private static string RestOfLine(
        string text,
        int start,
        List<(string Token, int Start)> tokens,
        int index,
        CommandDefinition definition,
        Dictionary<string, string> values,
        out string? error)
    {
        // Flags may still follow the free text ("/post Demo at 6 --now"): take them off the end.
        error = null;
        var end = text.Length;
        var last = tokens.Count - 1;
        while (last > index)
        {
            var candidate = tokens[last].Token;
            var previous = tokens[last - 1].Token;
            var booleanFlag = FindFlag(definition, candidate);
            if (booleanFlag is { Type: OptionType.Boolean })
            {
                values[booleanFlag.Name] = "true";
                end = tokens[last].Start;
                last--;
                continue;
            }

            var valueFlag = FindFlag(definition, previous);
            if (valueFlag is not null && valueFlag.Type != OptionType.Boolean && last - 1 > index)
            {
                values[valueFlag.Name] = candidate;
                end = tokens[last - 1].Start;
                last -= 2;
                continue;
            }

            break;
        }

        return text[start..end].Trim();
    }

    private static CommandOption? FindFlag(CommandDefinition definition, string token) =>
        token.StartsWith("--", StringComparison.Ordinal)
            ? definition.Options.FirstOrDefault(o => o.Flag && string.Equals("--" + o.Name, token, StringComparison.OrdinalIgnoreCase))
            : null;

    internal static List<(string Token, int Start)> Tokenize(string text)
    {
        var tokens = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            var builder = new StringBuilder();
            if (text[i] is '"' or '“')
            {
                i++;
                while (i < text.Length && text[i] is not ('"' or '”'))
                {
                    builder.Append(text[i++]);
                }

                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    builder.Append(text[i++]);
                }
            }

            tokens.Add((builder.ToString(), start));
        }

        return tokens;
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
