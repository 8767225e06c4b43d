namespace UpdateBot.Core.Commands;

/// <summary>
/// A command as users see it. Help text, Discord slash-command registration and Telegram's setMyCommands are all
/// generated from these definitions, so they never disagree.
/// </summary>
public sealed record CommandDefinition(string Name, string Description)
{
    public IReadOnlyList<CommandOption> Options { get; init; } = [];

    public CommandAudience Audience { get; init; } = CommandAudience.Everyone;

    /// <summary>Examples shown by /help ("/latest 3").</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>"/latest [count]" built from the options.</summary>
    public string Usage =>
        "/" + Name + string.Concat(Options.Select(o =>
        {
            var shown = o.Flag ? (o.Type == OptionType.Boolean ? $"--{o.Name}" : $"--{o.Name} {o.Name}") : o.Name;
            return o.Required ? $" <{shown}>" : $" [{shown}]";
        }));
}
