using UpdateBot.Core.Messages;
using UpdateBot.Core.Moderation;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>/audit [n]: the latest moderator actions.</summary>
internal sealed class AuditCommand(IAuditLog audit, FeedTimeZones zones) : ICommand
{
    public CommandDefinition Definition { get; } = new("audit", "The latest moderator actions")
    {
        Audience = CommandAudience.Moderators,
        Options = [new CommandOption("count", "How many (1–50)", OptionType.Integer) { Min = 1, Max = 50 }],
        Examples = ["/audit", "/audit 20"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var records = await audit.RecentAsync((int)(context.Arguments.Integer("count") ?? 10), cancellationToken);
        if (records.Count == 0)
        {
            return CommandResponse.Reply("No moderator actions yet.");
        }

        var body = records.Select(r => Paragraph.Of(
            new TextRun(TimeLabels.Short(r.At, zones.Default), TextStyle.Bold),
            new TextRun($" {r.User.DisplayName ?? r.User.UserId} ({r.User}) {r.Action} {r.Target}: {r.Detail}"))).ToList();
        return CommandResponse.Reply(new OutgoingMessage { Title = "Moderator actions", Body = body, Private = true });
    }
}
