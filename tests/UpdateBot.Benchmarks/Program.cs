using UpdateBot.Benchmarks.Sources;

// A small dispatcher: each verb lives in its own folder. Run with -c Release.
var verb = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return verb switch
{
    "extract" => ExtractBenchmark.Run(rest),
    "feeds" => FeedsBenchmark.Run(rest),
    "unchanged-poll" => await UnchangedPollBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/UpdateBot.Benchmarks -- <verb>");
    Console.WriteLine("  extract          1 MB live-blog page with 500 entries: our extraction vs a bare AngleSharp parse (target <= 1.3x)");
    Console.WriteLine("  feeds [dir]      RSS/Atom files: our parser vs python3-feedparser (target >= 10x faster), plus corpus agreement");
    Console.WriteLine("  unchanged-poll   CPU per unchanged poll (304, or same body hash) (target <= 0.2 ms)");
    return 2;
}
