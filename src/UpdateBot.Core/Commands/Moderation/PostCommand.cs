using UpdateBot.Core.Messages;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Places;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Commands.Moderation;

/// <summary>
/// /post &lt;text&gt; [--near place [radius]] [--now]: a breaking entry for every subscribed chat, or with --near only for
/// chats whose home place is within the radius. It is shown first as a preview (with the area and how many
/// destinations it reaches) with Send and Cancel buttons, so a slip of the thumb does not reach thousands of phones;
/// --now skips the preview. Either way the entry joins the timeline (/latest, feeds) like every breaking entry.
/// </summary>
internal sealed class PostCommand(
    DraftBox drafts,
    ITimelineWriter timeline,
    IAuditLog audit,
    FeedTimeZones zones,
    IPlaceDirectory? places = null,
    IDestinationHomePlaces? homes = null) : ICommand
{
    public CommandDefinition Definition { get; } = new("post", "Post a breaking entry to every subscribed chat (or, with --near, to chats near a place)")
    {
        Audience = CommandAudience.Moderators,
        Options =
        [
            new CommandOption("text", "What to post (\\n starts a new paragraph)") { Required = true, Rest = true },
            new CommandOption("near", "Only chats whose /home place is near this place; a radius may follow (\"Leeds 20km\")") { Flag = true, Autocomplete = true },
            new CommandOption("radius", "Kilometres around --near (default 25)", OptionType.Number) { Flag = true, Min = PostArea.MinRadiusKm, Max = PostArea.MaxRadiusKm },
            new CommandOption("now", "Send at once, without a preview", OptionType.Boolean) { Flag = true },
        ],
        Examples = ["/post Demo moved to 8pm at the statue", "/post Road closed at the bridge --near Leeds 20km", "/post Meeting cancelled --now"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.CallbackPayload is { } payload)
        {
            return await DecideAsync(context, payload, cancellationToken);
        }

        if (!NearOption.TryRead(context.Arguments, out var typed, out var near, out var now, out var error))
        {
            return CommandResponse.Error(error!);
        }

        var text = BreakingEntries.Normalise(typed);
        if (text.Length == 0)
        {
            return CommandResponse.Error("There is nothing to post. Usage: " + Definition.Usage);
        }

        PostArea? area = null;
        if (near is not null)
        {
            if (places is null || homes is null)
            {
                var missing = places is null ? "no place directory" : "no store of the chats' home places";
                return CommandResponse.Error($"This bot has {missing}, so --near cannot be used. Nothing was posted.");
            }

            var center = AreaPlaces.Resolve(places, near.PlaceText, out error);
            if (center is null)
            {
                return CommandResponse.Error(error!);
            }

            area = new PostArea(center, near.RadiusKm);
        }

        var entry = BreakingEntries.Create(text, context.Inbound.User, context.Now);
        if (now)
        {
            var reach = await PublishAsync(context, entry, area, cancellationToken);
            return CommandResponse.Reply(Confirmation(entry.Id, reach));
        }

        var draft = drafts.Add(context.Inbound.User, entry, area);
        var footer = "Press Send to post this to every subscribed chat.";
        if (area is not null)
        {
            var reach = await ReachAsync(area, cancellationToken);
            footer = reach.Destinations == 0
                ? $"No subscribed chat has a home place {area.Describe()}: Send would only add it to /latest and the feeds."
                : $"Press Send to post this only to chats whose home place is {reach.Describe()}.";
        }

        var preview = EntryComposer.Compose(entry, zones.Default) with
        {
            Title = "Preview — not sent yet",
            Footer = footer,
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

    public Task<IReadOnlyList<string>> SuggestAsync(string option, string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(option == "near" && places is not null
            ? [.. places.Suggest(prefix, 25).Select(p => $"{p.Name}, {p.Admin1}").Distinct()]
            : []);

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
        var reach = await PublishAsync(context, entry, draft.Area, cancellationToken);
        return new CommandResponse([OutgoingMessage.Text(Confirmation(entry.Id, reach))])
        {
            ReplaceOriginal = true,
            Notice = "Sent.",
        };
    }

    /// <summary>Audits, then commits the entry with its delivery jobs; for an area, only to the destinations inside it, counted now.</summary>
    private async Task<PostReach?> PublishAsync(CommandContext context, Entries.Entry entry, PostArea? area, CancellationToken cancellationToken)
    {
        var reach = area is null ? null : await ReachAsync(area, cancellationToken);
        var detail = reach is null ? Shorten(entry.Text) : $"[{reach.Describe()}] {Shorten(entry.Text)}";
        await audit.RecordAsync(new AuditRecord(context.Now, context.Inbound.User, "post", entry.Id, detail), cancellationToken);
        var change = new TimelineChange(ChangeKind.Added, entry, Deliver: true) { Scope = reach?.Scope };
        await timeline.CommitAsync(new TimelineBatch(BreakingEntries.SourceName, [change], new Dictionary<string, int>()), cancellationToken);
        return reach;
    }

    private async Task<PostReach> ReachAsync(PostArea area, CancellationToken cancellationToken) =>
        PostReach.Select(area, await homes!.CountAsync(cancellationToken), places!);

    private static string Confirmation(string id, PostReach? reach) => reach is null
        ? $"Sent breaking entry {id} to every subscribed chat."
        : $"Sent breaking entry {id} only to chats whose home place is {reach.Describe()}.";

    internal static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
