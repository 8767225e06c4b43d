using UpdateBot.Core.Commands;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>A hand-written moderator command: records what it was asked to post.</summary>
public sealed class BreakingCommand : ICommand
{
    private readonly List<string> posted = [];

    public IReadOnlyList<string> Posted
    {
        get
        {
            lock (posted)
            {
                return posted.ToList();
            }
        }
    }

    public CommandDefinition Definition { get; } = new("breaking", "Post a breaking entry")
    {
        Audience = CommandAudience.Moderators,
        Options = [new CommandOption("text", "What happened") { Required = true, Rest = true }],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = context.Arguments.Text("text") ?? "";
        lock (posted)
        {
            posted.Add(text);
        }

        return Task.FromResult(CommandResponse.Reply("Posted: " + text));
    }
}
