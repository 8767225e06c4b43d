using UpdateBot.Core.Commands;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>A hand-written /events with autocomplete on place names (the real one lives in another branch).</summary>
public sealed class EventsCommand : ICommand
{
    private static readonly string[] Places = ["London", "Leeds", "Leicester", "Liverpool", "Manchester", "@everyone Lane"];

    public CommandDefinition Definition { get; } = new("events", "Upcoming events near a place")
    {
        Options =
        [
            new CommandOption("place", "A town or city") { Autocomplete = true },
            new CommandOption("radius", "Kilometres", OptionType.Number) { Min = 1, Max = 200 },
        ],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResponse.Reply($"Events near {context.Arguments.Text("place") ?? "anywhere"} within {context.Arguments.Number("radius") ?? 25} km"));

    public Task<IReadOnlyList<string>> SuggestAsync(string option, string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(option == "place"
            ? Places.Where(p => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList()
            : []);
}
