using UpdateBot.Benchmarks.Delivery;
using UpdateBot.Benchmarks.Events;
using UpdateBot.Benchmarks.Sources;

// A small dispatcher: each verb lives in its own folder (Sources/, Delivery/, Events/). Run with -c Release.
var verb = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return verb switch
{
    "extract" => ExtractBenchmark.Run(rest),
    "feeds" => FeedsBenchmark.Run(rest),
    "unchanged-poll" => await UnchangedPollBenchmark.RunAsync(rest),
    "fanout" => await FanoutBenchmark.RunAsync(rest),
    "crash" => await CrashBenchmark.RunAsync(rest),
    "memory" => await MemoryBenchmark.RunAsync(rest),
    "events-query" => await EventsQueryBenchmark.Run(rest),
    "gazetteer-load" => GazetteerLoadBenchmark.Run(rest),
    "html-agreement" => HtmlAgreement.Run(rest),
    "parse-dump" => ParseDump.Run(rest),
    DeliveryChild.Verb => await DeliveryChild.RunAsync(rest),
    FeedSiteChild.Verb => await FeedSiteChild.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/UpdateBot.Benchmarks -- <verb> [options]
          extract            1 MB live-blog page with 500 entries: our extraction vs a bare AngleSharp parse (target <= 1.3x)
          feeds [dir]        RSS/Atom files: our parser vs python3-feedparser (target >= 10x faster), plus corpus agreement
          unchanged-poll [n] CPU of this process per unchanged poll (304, or same body hash), feed site in a child process (target <= 0.2 ms)
          fanout --platform telegram|discord --destinations N   one entry to N chats through the real engine and adapter
          crash --platform telegram|discord --destinations N --kills K   SIGKILL the bot K times during a fan-out
          crash --store postgres --instances 3 --platform telegram|discord --destinations N
                             three bot processes on one PostgreSQL ($UPDATEBOT_TEST_POSTGRES); one is SIGKILLed mid-fan-out
          memory --subscriptions N                               peak RSS of the bot fanning out to N subscriptions
          events-query [count]   /events with 10,000 known events, in process (target p99 <= 10 ms)
          gazetteer-load [n]     time and memory of loading the shipped gazetteer (target <= 1 s, <= 40 MB)
          html-agreement <dir>   our HTML parser vs AngleSharp on real pages: how many parse to the same tree
          parse-dump <out> <dir> what the parser reads from each page, one file per page, for diff -r between builds
        """);
    return 2;
}
