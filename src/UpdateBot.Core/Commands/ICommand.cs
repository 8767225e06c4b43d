namespace UpdateBot.Core.Commands;

/// <summary>
/// A command of the bot. Register implementations in DI as <see cref="ICommand"/>; the dispatcher parses arguments
/// against <see cref="Definition"/>, checks the audience, and calls <see cref="ExecuteAsync"/>. Button presses whose
/// callback data starts with "name:" come back to the command of that name with <see cref="CommandContext.CallbackPayload"/>.
/// </summary>
public interface ICommand
{
    CommandDefinition Definition { get; }

    Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);

    /// <summary>Suggestions while a user types an option marked <see cref="CommandOption.Autocomplete"/>.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string option, string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
