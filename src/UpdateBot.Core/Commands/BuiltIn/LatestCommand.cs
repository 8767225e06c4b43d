using System.Globalization;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Commands.BuiltIn;

/// <summary>/latest [count]: the newest entries, with buttons to page older and newer.</summary>
internal sealed class LatestCommand(IEntryStore entries, FeedTimeZones zones, IOptionsMonitor<UpdateBotOptions> options) : ICommand
{
    public const int MaxCount = 20;

    // Leaves room for titles and separators under Telegram's 4,096 and Discord's 4,096-character description.
    private const int TextBudget = 3400;

    public CommandDefinition Definition { get; } = new("latest", "The newest entries")
    {
        Options = [new CommandOption("count", "How many entries (1–20)", OptionType.Integer) { Min = 1, Max = MaxCount }],
        Examples = ["/latest", "/latest 3"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var count = (int)(context.Arguments.Integer("count") ?? options.CurrentValue.LatestDefault);
        var skip = 0;
        if (context.CallbackPayload is { } payload && !TryReadPage(payload, out skip, out count))
        {
            return CommandResponse.None with { Notice = "That button has expired." };
        }

        var page = await entries.GetLatestAsync(count + 1, skip, cancellationToken);
        if (page.Count == 0)
        {
            return skip == 0
                ? CommandResponse.Reply("No entries yet. They will appear here as the live blog is updated.")
                : CommandResponse.None with { Notice = "No older entries." };
        }

        var hasOlder = page.Count > count;
        var shown = page.Take(count).ToList();
        var message = Render(shown, skip) with { Buttons = [Buttons(skip, count, hasOlder)] };
        return new CommandResponse([message]) { ReplaceOriginal = context.CallbackPayload is not null };
    }

    private OutgoingMessage Render(IReadOnlyList<Entry> shown, int skip)
    {
        var perEntry = Math.Max(120, TextBudget / shown.Count);
        var body = new List<Paragraph>();
        foreach (var entry in shown)
        {
            var zone = zones.For(entry.SourceName);
            var runs = new List<Inline> { new TextRun(TimeLabels.Short(entry.Published, zone), TextStyle.Bold) };
            if (entry.Kind == EntryKind.Breaking)
            {
                runs.Add(new TextRun(" BREAKING", TextStyle.Bold));
            }

            runs.Add(new TextRun(" — " + Excerpt(entry, perEntry)));
            if (entry.Url is { } url)
            {
                runs.Add(new TextRun(" "));
                runs.Add(new LinkRun("↗", url));
            }

            body.Add(new Paragraph(runs));
        }

        var title = skip == 0
            ? $"Latest {shown.Count} {(shown.Count == 1 ? "entry" : "entries")}"
            : $"Entries {skip + 1}–{skip + shown.Count}";
        return new OutgoingMessage { Title = title, Body = body };
    }

    private static string Excerpt(Entry entry, int budget)
    {
        var text = string.Join(" ", new[] { entry.Title }.Concat(entry.Paragraphs).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length <= budget)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', budget - 1);
        return text[..(cut > budget / 2 ? cut : budget - 1)] + "…";
    }

    private static List<MessageButton> Buttons(int skip, int count, bool hasOlder)
    {
        var buttons = new List<MessageButton>();
        if (skip > 0)
        {
            buttons.Add(new MessageButton("« Newer", Page(Math.Max(0, skip - count), count)));
        }

        if (hasOlder)
        {
            buttons.Add(new MessageButton("Older »", Page(skip + count, count)));
        }

        return buttons;
    }

    private static string Page(int skip, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"latest:{skip}:{count}");

    private static bool TryReadPage(string payload, out int skip, out int count)
    {
        skip = 0;
        count = 0;
        var parts = payload.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out skip)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && skip is >= 0 and <= 100_000
            && count is >= 1 and <= MaxCount;
    }
}
