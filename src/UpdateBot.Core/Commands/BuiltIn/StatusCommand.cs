using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Commands.BuiltIn;

/// <summary>/status: each source's last successful read, last change and last error; this chat's queue; the version.</summary>
internal sealed class StatusCommand(ISourceStateStore sources, IDeliveryBacklog backlog, FeedTimeZones zones) : ICommand
{
    public CommandDefinition Definition { get; } = new("status", "How the live blogs are being watched")
    {
        Examples = ["/status"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var states = await sources.GetAllAsync(cancellationToken);
        var body = new List<Paragraph>();
        foreach (var state in states.OrderBy(s => s.SourceName, StringComparer.OrdinalIgnoreCase))
        {
            var zone = zones.For(state.SourceName);
            var runs = new List<Inline>
            {
                new TextRun(state.Title is { } title ? $"{state.SourceName} ({title})" : state.SourceName, TextStyle.Bold),
                new TextRun("\nlast read: " + When(state.LastSuccess, context.Now, zone)),
                new TextRun(" · last new entry: " + When(state.LastChange, context.Now, zone)),
                new TextRun($" · entries seen: {state.EntriesSeen}"),
            };
            if (state.LastError is { } error && state.LastErrorAt is { } at && (state.LastSuccess is null || at >= state.LastSuccess))
            {
                runs.Add(new TextRun($"\nfailing since {TimeLabels.Relative(at, context.Now, zone)}: {error}", TextStyle.Italic));
            }

            body.Add(new Paragraph(runs));
        }

        if (body.Count == 0)
        {
            body.Add(Paragraph.Of("No source has been read yet."));
        }

        var waiting = await backlog.PendingForAsync(context.Chat, cancellationToken);
        body.Add(Paragraph.Of(waiting == 0
            ? "This chat is up to date: nothing waits to be posted here."
            : $"{waiting} {(waiting == 1 ? "message waits" : "messages wait")} to be posted in this chat."));
        return CommandResponse.Reply(new OutgoingMessage { Title = "Status", Body = body, Footer = "UpdateBot " + AboutCommand.Version });
    }

    private static string When(DateTimeOffset? at, DateTimeOffset now, TimeZoneInfo zone) =>
        at is { } value ? TimeLabels.Relative(value, now, zone) : "never";
}
