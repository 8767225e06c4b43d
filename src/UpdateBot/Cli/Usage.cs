namespace UpdateBot.Cli;

internal static class Usage
{
    public const string Text = """
        UpdateBot — follows live blogs and posts each new entry to Telegram and Discord chats.

        Usage:
          UpdateBot [run] [--feed <url-or-path>] [--format <format>] [--once] [--console]
              Run the bot. With no Telegram or Discord token it runs in this terminal (a console chat);
              with no source configured it watches a built-in demo live blog.
              --once   poll each source once, deliver, answer the commands on standard input, then exit.
          UpdateBot parse <url-or-path> [--now <ISO-8601>] [--tz <IANA zone>] [--format <format>]
              Print the entries the bot sees in a page or feed, one JSON object per line, newest first.
          UpdateBot events <url-or-path> [--now <ISO-8601>] [--tz <IANA zone>] [--near <place>] [--radius-km <n>]
                           [--all] [--format jsonl|ics]
              Print the events (demos, rallies, meetings) found in a live blog's entries
              (--feed-format chooses the page format when auto-detection is not wanted).

        Formats: auto (default), liveblog-html, liveblog-text, jsonld, wordpress, rss, atom, jsonfeed.
        Configuration: appsettings.json and environment variables (UpdateBot__TimeZone, UpdateBot__Telegram__Token, ...).
        """;
}
