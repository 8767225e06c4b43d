using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Sources;
using UpdateBot.Sources.Watching;
using UpdateBot.Storage;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// CPU time of an unchanged poll — a 304, or a 200 whose body hash is unchanged — through the real watcher, reader,
/// HttpClientFactory client (with its resilience handler) and store. The feed site runs in a separate process
/// (<see cref="FeedSiteChild"/>), so only the bot's own CPU is counted: this process's CPU time over N polls,
/// after a warm-up, divided by N. Measured with in-memory stores and with the real SQLite store.
/// </summary>
internal static class UnchangedPollBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var polls = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
        using var site = StartSite(out var baseUrl);
        var file = Path.Combine(Path.GetTempPath(), $"updatebot-bench-{Environment.ProcessId}.html");
        await File.WriteAllBytesAsync(file, System.Text.Encoding.UTF8.GetBytes(SyntheticLiveBlog.Build(entries: 60, targetBytes: 100 * 1024)));

        Console.WriteLine($"page: 100 KB live blog; feed site in process {site.Id}; {Rounds} rounds of {polls} polls per case; load average {FeedsBenchmark.LoadAverage()}");
        var cases = new (string Name, string Url)[]
        {
            ("304 Not Modified (ETag)", new Uri(baseUrl, "/etag").AbsoluteUri),
            ("200, same body hash", new Uri(baseUrl, "/same").AbsoluteUri),
            ("200 gzip, same body hash", new Uri(baseUrl, "/same-gzip").AbsoluteUri),
            ("local file, same hash", file),
        };
        // One unmeasured pass over every case first: a long-running bot polls with code the JIT has long since
        // optimised, while the first seconds of a process also pay for loading and compiling the HTTP stack.
        foreach (var (_, url) in cases)
        {
            await MeasureAsync(url, "memory", polls / 2);
        }

        await MeasureAsync(cases[0].Url, "sqlite", polls / 2);

        var results = new List<(string Name, string Store, List<double> Rounds)>();
        foreach (var store in new[] { "memory", "sqlite" })
        {
            foreach (var (name, url) in cases)
            {
                results.Add((name, store, await MeasureAsync(url, store, polls)));
            }
        }

        File.Delete(file);
        site.StandardInput.Close();
        await site.WaitForExitAsync();
        foreach (var (name, store, rounds) in results)
        {
            var median = rounds.Order().ElementAt(rounds.Count / 2);
            Console.WriteLine($"{name,-26} {store,-7} store {median,7:0.000} ms CPU per poll (rounds {string.Join(" / ", rounds.Select(r => r.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}) (target <= 0.2 ms) {Measure.Verdict(median <= 0.2)}");
        }

        Console.WriteLine($"load average after: {FeedsBenchmark.LoadAverage()}");
        return 0;
    }

    private static Process StartSite(out Uri baseUrl)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(UnchangedPollBenchmark).Assembly.Location);
        info.ArgumentList.Add(FeedSiteChild.Verb);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the feed site process");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("url ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("the feed site process did not start: " + line);
        }

        baseUrl = new Uri(line[4..]);
        return process;
    }

    private const int Rounds = 3;

    /// <summary>CPU ms per poll in each of <see cref="Rounds"/> rounds of <paramref name="polls"/> polls.</summary>
    private static async Task<List<double>> MeasureAsync(string url, string store, int polls)
    {
        var database = Path.Combine(Path.GetTempPath(), $"updatebot-poll-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Storage:ConnectionString"] = $"Data Source={database}" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddUpdateBotMetrics()
            .Configure<UpdateBotOptions>(o => o.Sources.Add(new SourceOptions { Name = "bench", Url = url }));
        if (store == "sqlite")
        {
            services.AddUpdateBotStorage(configuration);
        }
        else
        {
            var stores = new BenchStores();
            services.AddSingleton<IEntryStore>(stores).AddSingleton<ITimelineWriter>(stores).AddSingleton<ISourceStateStore>(stores);
        }

        services.AddUpdateBotSources(configuration);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var migration in hosted.Where(h => h.GetType().Name.Contains("Migration", StringComparison.Ordinal)))
        {
            await migration.StartAsync(CancellationToken.None);
        }

        var watcher = hosted.OfType<SourceWatcher>().Single();
        var source = SourceDefinitions.From(new SourceOptions { Name = "bench", Url = url });

        // The first poll records the page; then warm up (the JIT optimises hot code after many calls).
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 300 || warm.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            await watcher.PollOnceAsync(source, 0, CancellationToken.None);
        }

        var perPoll = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < Rounds; round++)
        {
            GC.Collect();
            process.Refresh();
            var before = process.TotalProcessorTime;
            for (var i = 0; i < polls; i++)
            {
                await watcher.PollOnceAsync(source, 0, CancellationToken.None);
            }

            process.Refresh();
            perPoll.Add((process.TotalProcessorTime - before).TotalMilliseconds / polls);
        }

        await provider.DisposeAsync();
        foreach (var path in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            File.Delete(path);
        }

        return perPoll;
    }
}
