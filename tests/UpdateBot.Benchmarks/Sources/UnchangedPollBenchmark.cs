using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Storage;
using UpdateBot.Sources;
using UpdateBot.Sources.Watching;
using UpdateBot.StandIns.Feeds;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// CPU time of an unchanged poll — a 304, or a 200 whose body hash is unchanged — through the real watcher, reader
/// and HTTP client against the loopback feed site. The site runs in the same process, so its CPU is counted too:
/// the figures are an upper bound for the bot's own cost.
/// </summary>
internal static class UnchangedPollBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var polls = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
        await using var server = await FeedServer.StartAsync();
        var page = System.Text.Encoding.UTF8.GetBytes(SyntheticLiveBlog.Build(entries: 60, targetBytes: 100 * 1024));
        server.Set("/etag", new FeedResponse { Body = page, ETag = "\"v1\"" });
        server.Set("/same", new FeedResponse { Body = page });
        var file = Path.Combine(Path.GetTempPath(), $"updatebot-bench-{Environment.ProcessId}.html");
        await File.WriteAllBytesAsync(file, page);

        Console.WriteLine($"page: {page.Length / 1024} KB; {polls} polls each");
        var results = new List<(string Name, double Ms)>
        {
            ("304 Not Modified (ETag)", await MeasureAsync(server.Url("/etag").AbsoluteUri, polls)),
            ("200, same body hash", await MeasureAsync(server.Url("/same").AbsoluteUri, polls)),
            ("local file, same hash", await MeasureAsync(file, polls)),
        };
        File.Delete(file);
        foreach (var (name, ms) in results)
        {
            Console.WriteLine($"{name,-26} {ms,7:0.000} ms CPU per poll (target <= 0.2 ms) {Measure.Verdict(ms <= 0.2)}");
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(string url, int polls)
    {
        var stores = new BenchStores();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IEntryStore>(stores)
            .AddSingleton<ITimelineWriter>(stores)
            .AddSingleton<ISourceStateStore>(stores)
            .Configure<UpdateBotOptions>(o => o.Sources.Add(new SourceOptions { Name = "bench", Url = url }))
            .AddUpdateBotSources(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        var watcher = provider.GetServices<IHostedService>().OfType<SourceWatcher>().Single();

        // The first poll records the page; then warm up.
        for (var i = 0; i < 50; i++)
        {
            await watcher.PollAllOnceAsync(CancellationToken.None);
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < polls; i++)
        {
            await watcher.PollAllOnceAsync(CancellationToken.None);
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / polls;
    }
}
