using UpdateBot.Benchmarks.Events;

// A small dispatcher: each area keeps its benchmarks in its own folder.
return args.FirstOrDefault() switch
{
    "events-query" => await EventsQueryBenchmark.Run(args[1..]),
    "gazetteer-load" => GazetteerLoadBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: UpdateBot.Benchmarks <events-query [count] | gazetteer-load [repeats]>");
    return 2;
}
