using System.Globalization;

namespace UpdateBot.Core.Commands;

/// <summary>A command's arguments, by option name, parsed once in the core from text or from a platform's named options.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> values;

    internal CommandArguments(Dictionary<string, string> values) => this.values = values;

    public static CommandArguments Empty { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.TryGetValue(name, out var value) ? value : null;

    public long? Integer(string name) =>
        values.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public double? Number(string name) =>
        values.TryGetValue(name, out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number)
            ? number
            : null;

    public bool Flag(string name) => values.TryGetValue(name, out var value) && value != "false";

    public IReadOnlyDictionary<string, string> All => values;
}
