namespace UpdateBot.Core.Commands;

/// <summary>The outcome of parsing arguments: the arguments, or one clear error for the user.</summary>
public sealed record CommandParseResult(CommandArguments? Arguments, string? Error)
{
    public bool Succeeded => Arguments is not null;

    public static CommandParseResult Ok(CommandArguments arguments) => new(arguments, null);

    public static CommandParseResult Fail(string error) => new(null, error);
}
