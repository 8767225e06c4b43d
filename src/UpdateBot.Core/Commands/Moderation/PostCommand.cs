using UpdateBot.Core.Messages;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>
/// /post &lt;text&gt; [--now]: a breaking entry for every subscribed chat. It is shown first as a preview with Send and
/// Cancel buttons, so a slip of the thumb does not reach thousands of phones; --now skips the preview.
/// </summary>
internal sealed class PostCommand(DraftBox drafts, ITimelineWriter timeline, IAuditLog audit, FeedTimeZones zones) : ICommand
{
    public CommandDefinition Definition { get; } = new("post", "Post a breaking entry to every subscribed chat")
    {
        Audience = CommandAudience.Moderators,
        Options =
        [
            new CommandOption("text", "What to post (\\n starts a new paragraph)") { Required = true, Rest = true },
            new CommandOption("now", "Send at once, without a preview", OptionType.Boolean) { Flag = true },
        ],
        Examples = ["/post Demo moved to 8pm at the statue", "/post Meeting cancelled --now"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.CallbackPayload is { } payload)
        {
            return await DecideAsync(context, payload, cancellationToken);
        }

        var text = BreakingEntries.Normalise(context.Arguments.Text("text") ?? "");
        if (text.Length == 0)
        {
            return CommandResponse.Error("There is nothing to post. Usage: " + Definition.Usage);
        }

        var entry = BreakingEntries.Create(text, context.Inbound.User, context.Now);
        if (context.Arguments.Flag("now"))
        {
            await PublishAsync(context, entry, cancellationToken);
            return CommandResponse.Reply($"Sent breaking entry {entry.Id} to every subscribed chat.");
        }

        var draft = drafts.Add(context.Inbound.User, entry);
        var preview = EntryComposer.Compose(entry, zones.Default) with
        {
            Title = "Preview — not sent yet",
            Footer = "Press Send to post this to every subscribed chat.",
            Tone = MessageTone.Reply,
            Private = true,
            Buttons =
            [
                [
                    new MessageButton("Send", $"post:send:{draft.Id}", ButtonStyle.Danger),
                    new MessageButton("Cancel", $"post:cancel:{draft.Id}"),
                ],
            ],
        };
        return CommandResponse.Reply(preview);
    }

    private async Task<CommandResponse> DecideAsync(CommandContext context, string payload, CancellationToken cancellationToken)
    {
        var parts = payload.Split(':');
        var draft = parts.Length == 2 ? drafts.Take(parts[1], context.Inbound.User) : null;
        if (draft is null)
        {
            return new CommandResponse([OutgoingMessage.Text("This preview has expired or was already handled. Nothing was posted.")])
            {
                ReplaceOriginal = true,
                Notice = "Nothing was posted.",
            };
        }

        if (parts[0] != "send")
        {
            return new CommandResponse([OutgoingMessage.Text("Cancelled — nothing was posted.")]) { ReplaceOriginal = true, Notice = "Cancelled." };
        }

        var entry = draft.Entry with { Published = context.Now };
        await PublishAsync(context, entry, cancellationToken);
        return new CommandResponse([OutgoingMessage.Text($"Sent breaking entry {entry.Id} to every subscribed chat.")])
        {
            ReplaceOriginal = true,
            Notice = "Sent.",
        };
    }

    private async Task PublishAsync(CommandContext context, Entries.Entry entry, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditRecord(context.Now, context.Inbound.User, "post", entry.Id, Shorten(entry.Text)), cancellationToken);
        var batch = new TimelineBatch(
            BreakingEntries.SourceName,
            [new TimelineChange(ChangeKind.Added, entry, Deliver: true)],
            new Dictionary<string, int>());
        await timeline.CommitAsync(batch, cancellationToken);
    }

    internal static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
