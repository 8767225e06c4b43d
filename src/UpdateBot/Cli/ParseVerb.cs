using UpdateBot.Core.Entries;

namespace UpdateBot.Cli;

/// <summary>`parse`: prints the entries the bot sees, one JSON object per line, newest first.</summary>
internal static class ParseVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (snapshot, zone) = await SnapshotLoader.LoadAsync(args, args.Option("format") ?? "auto", cancellationToken);
        foreach (var entry in snapshot.Entries.OrderByDescending(e => e.Published))
        {
            await output.WriteLineAsync(EntryJson.Line(entry, zone));
        }

        if (snapshot.Kind == FeedKind.Article)
        {
            await error.WriteLineAsync(snapshot.Entries.Count == 0
                ? "Note: this page is an article, not a live blog; it has no entries."
                : "Note: this page is an article, not a live blog; entries shown are its teasers.");
        }
        else if (snapshot.Entries.Count == 0)
        {
            await error.WriteLineAsync("No entries found: the page has no timestamped entries the bot recognises.");
        }

        return 0;
    }
}
