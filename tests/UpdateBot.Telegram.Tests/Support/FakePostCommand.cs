using UpdateBot.Core.Commands;

namespace UpdateBot.Telegram.Tests.Support;

/// <summary>Stands in for a moderator command (its own issue) so the moderators' command menu can be checked.</summary>
public sealed class FakePostCommand : ICommand
{
    public CommandDefinition Definition { get; } = new("post", "Post a breaking entry") { Audience = CommandAudience.Moderators };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResponse.Reply("Posted."));
}
