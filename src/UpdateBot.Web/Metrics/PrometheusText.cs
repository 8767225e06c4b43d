using System.Globalization;
using System.Text;

namespace UpdateBot.Web.Metrics;

/// <summary>Writes metric families in the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples)
            {
                text.Append(sample.Name);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{');
                    for (var i = 0; i < sample.Labels.Count; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(',');
                        }

                        text.Append(LabelName(sample.Labels[i].Key)).Append("=\"").Append(EscapeLabel(sample.Labels[i].Value)).Append('"');
                    }

                    text.Append('}');
                }

                text.Append(' ').Append(FormatValue(sample.Value)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>A valid metric or label name: [a-zA-Z_:][a-zA-Z0-9_:]* (labels without ':'), other characters become '_'.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (allowColon && c == ':');
            builder.Append(ok ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
