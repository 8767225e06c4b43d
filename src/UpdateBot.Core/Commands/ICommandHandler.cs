using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Commands;

/// <summary>The one entry point adapters call for anything a user does.</summary>
public interface ICommandHandler
{
    /// <summary>Answers a command, a button press or a shared location. Never throws for bad input.</summary>
    Task<CommandResponse> HandleAsync(Inbound inbound, CancellationToken cancellationToken);

    /// <summary>Suggestions for an option being typed (Discord autocomplete); at most 25.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string command, string option, string prefix, CancellationToken cancellationToken);

    /// <summary>Every command, for help and for platform registration.</summary>
    IReadOnlyList<CommandDefinition> Definitions { get; }
}
