namespace UpdateBot.Core.Commands;

/// <summary>
/// One argument of a command. Positional options are filled in order from the typed text; <see cref="Flag"/> options
/// are written "--name value" (or "--name" alone for booleans). Discord turns every option into a named slash-command option.
/// </summary>
public sealed record CommandOption(string Name, string Description, OptionType Type = OptionType.Text)
{
    public bool Required { get; init; }

    /// <summary>Written as "--name value" rather than by position.</summary>
    public bool Flag { get; init; }

    /// <summary>Takes the rest of the line (free text such as a breaking entry).</summary>
    public bool Rest { get; init; }

    /// <summary>Values are suggested while typing (Discord autocomplete).</summary>
    public bool Autocomplete { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Allowed values, when the option is a choice.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}
