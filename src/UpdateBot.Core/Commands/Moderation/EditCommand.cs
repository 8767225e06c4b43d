using UpdateBot.Core.Entries;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>
/// /edit &lt;id&gt; &lt;text&gt;: replaces a breaking entry's text in every chat it reached (delivered, or still queued),
/// and nowhere else: an entry posted "--near" a place stays in its area.
/// </summary>
internal sealed class EditCommand(IEntryStore entries, ITimelineWriter timeline, IAuditLog audit) : ICommand
{
    public CommandDefinition Definition { get; } = new("edit", "Correct a breaking entry everywhere it was posted")
    {
        Audience = CommandAudience.Moderators,
        Options =
        [
            new CommandOption("id", "The entry's id (from /latest or the post confirmation)") { Required = true },
            new CommandOption("text", "The corrected text") { Required = true, Rest = true },
        ],
        Examples = ["/edit b1a2b3c4 Demo moved to 8pm"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.Arguments.Text("id")!;
        var entry = await entries.FindAnyAsync(id, cancellationToken);
        if (entry is null)
        {
            return CommandResponse.Error($"No entry has the id '{ArgumentParser.Shorten(id)}'. Nothing was changed.");
        }

        if (entry.Kind != EntryKind.Breaking)
        {
            return CommandResponse.Error("Only breaking entries can be edited; entries from a live blog follow their source. Use /retract to withdraw one.");
        }

        var text = BreakingEntries.Normalise(context.Arguments.Text("text")!);
        var edited = entry with { Text = text, Updated = context.Now };
        await audit.RecordAsync(new AuditRecord(context.Now, context.Inbound.User, "edit", entry.Id, PostCommand.Shorten(text)), cancellationToken);
        await timeline.CommitAsync(
            new TimelineBatch(
                entry.SourceName,
                [new TimelineChange(ChangeKind.Updated, edited, Deliver: true) { Scope = DeliveryScope.AlreadyReached }],
                new Dictionary<string, int>()),
            cancellationToken);
        return CommandResponse.Reply($"Edited {entry.Id}: every chat it reached will show the new text.");
    }
}
