using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UpdateBot.Web.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, written from its specification: it throws on any line
/// that does not parse, a sample before its TYPE, a repeated TYPE or a repeated series.
/// </summary>
public static partial class PrometheusParser
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed record Family(string Name, string Type, string Help, List<Sample> Samples);

    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Length == 0 ? [] : text[..^1].Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var match = HelpLine().Match(line);
                if (!match.Success)
                {
                    throw new FormatException($"Bad HELP line: {line}");
                }

                help[match.Groups[1].Value] = match.Groups[2].Value;
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var match = TypeLine().Match(line);
                if (!match.Success || families.ContainsKey(match.Groups[1].Value))
                {
                    throw new FormatException($"Bad or repeated TYPE line: {line}");
                }

                var name = match.Groups[1].Value;
                families[name] = new Family(name, match.Groups[2].Value, help.GetValueOrDefault(name, ""), []);
            }
            else if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            else
            {
                var sample = ParseSample(line);
                var family = families.Values.FirstOrDefault(f => sample.Name == f.Name
                    || (f.Type == "histogram" && (sample.Name == f.Name + "_bucket" || sample.Name == f.Name + "_sum" || sample.Name == f.Name + "_count")))
                    ?? throw new FormatException($"Sample before its TYPE: {line}");
                var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
                if (!series.Add(key))
                {
                    throw new FormatException($"Repeated series: {key}");
                }

                family.Samples.Add(sample);
            }
        }

        return families;
    }

    private static Sample ParseSample(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        var name = line[..i];
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            throw new FormatException($"Bad metric name: {line}");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var start = i;
                while (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_')
                {
                    i++;
                }

                var label = line[start..i];
                if (label.Length == 0 || line[i] != '=' || line[i + 1] != '"')
                {
                    throw new FormatException($"Bad label: {line}");
                }

                i += 2;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            _ => throw new FormatException($"Bad escape: {line}"),
                        });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                i++;
                if (!labels.TryAdd(label, value.ToString()))
                {
                    throw new FormatException($"Repeated label: {line}");
                }

                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        if (i >= line.Length || line[i] != ' ')
        {
            throw new FormatException($"Expected a space before the value: {line}");
        }

        var parts = line[(i + 1)..].Split(' ');
        if (parts.Length > 2)
        {
            throw new FormatException($"Trailing text: {line}");
        }

        var number = parts[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, number);
    }

    [GeneratedRegex(@"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();
}
