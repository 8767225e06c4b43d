using UpdateBot.Core.Moderation;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>/retract &lt;id&gt;: withdraws an entry from every chat it reached (deleted or marked, per platform).</summary>
internal sealed class RetractCommand(IEntryStore entries, ITimelineWriter timeline, IAuditLog audit) : ICommand
{
    public CommandDefinition Definition { get; } = new("retract", "Withdraw an entry from every chat it reached")
    {
        Audience = CommandAudience.Moderators,
        Options = [new CommandOption("id", "The entry's id") { Required = true }],
        Examples = ["/retract b1a2b3c4"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.Arguments.Text("id")!;
        var entry = await entries.FindAnyAsync(id, cancellationToken);
        if (entry is null)
        {
            return CommandResponse.Error($"No entry has the id '{ArgumentParser.Shorten(id)}'. Nothing was changed.");
        }

        await audit.RecordAsync(new AuditRecord(context.Now, context.Inbound.User, "retract", entry.Id, PostCommand.Shorten(entry.Text)), cancellationToken);
        await timeline.CommitAsync(
            new TimelineBatch(entry.SourceName, [new TimelineChange(ChangeKind.Removed, entry, Deliver: true) { Scope = DeliveryScope.AlreadyReached }], new Dictionary<string, int>()),
            cancellationToken);
        return CommandResponse.Reply($"Retracted {entry.Id}: it is being withdrawn from every chat it reached.");
    }
}
