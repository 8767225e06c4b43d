using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Storage;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>
/// crash: a fan-out to N chats while the bot process is killed with SIGKILL K times at random moments and restarted;
/// the stand-in counts what arrived. Ends with one line: crash platform=P destinations=N kills=K lost=L duplicates=D.
/// </summary>
internal static class CrashBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        if (options.Text("store", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return await MultiInstanceCrashBenchmark.RunAsync(args);
        }

        var platform = options.Platform();
        var destinations = options.Number("destinations", 1000);
        var kills = options.Number("kills", 20);
        var random = new Random(options.Number("seed", Environment.TickCount));
        var minDelay = options.Number("min-delay-ms", 100);
        var maxDelay = options.Number("max-delay-ms", 2000);
        var folder = Directory.CreateTempSubdirectory("updatebot-crash-").FullName;
        try
        {
            await using var standIn = await StandInHarness.StartAsync(platform);
            var chats = Enumerable.Range(0, destinations).Select(standIn.ChatId).ToList();
            var database = Path.Combine(folder, "bot.db");
            await SeedAsync(database, platform, chats);

            var killed = 0;
            var progressAtKill = new List<int>();
            while (killed < kills)
            {
                var started = new TaskCompletionSource();
                using var child = StartChild(database, standIn, started);

                // Kill at a random moment after the bot began delivering (start-up time varies with machine load).
                await Task.WhenAny(started.Task, child.WaitForExitAsync());
                var delay = random.Next(minDelay, maxDelay);
                var exited = await WaitForExitAsync(child, TimeSpan.FromMilliseconds(delay));
                if (exited)
                {
                    break; // the fan-out finished before this kill
                }

                child.Kill(entireProcessTree: true); // SIGKILL
                await child.WaitForExitAsync();
                killed++;
                progressAtKill.Add(standIn.Received(chats).Values.Sum());
            }

            using (var last = StartChild(database, standIn, new TaskCompletionSource()))
            {
                if (!await WaitForExitAsync(last, TimeSpan.FromSeconds(Math.Max(120, destinations / 5))))
                {
                    last.Kill(entireProcessTree: true);
                    Console.Error.WriteLine("crash: the final run did not finish in time");
                }
            }

            await Task.Delay(500);
            var counts = standIn.Received(chats);
            var lost = chats.Count(c => counts.GetValueOrDefault(c) == 0);
            var duplicates = counts.Values.Sum(n => Math.Max(0, n - 1));
            Console.Error.WriteLine("received at each kill: " + string.Join(' ', progressAtKill));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"crash platform={platform} destinations={destinations} kills={killed} lost={lost} duplicates={duplicates} duplicates_per_kill={(killed == 0 ? 0 : (double)duplicates / killed):F2} 429s={standIn.TooManyRequests}"));
            return lost == 0 ? 0 : 1;
        }
        finally
        {
            FanoutBenchmark.TryDelete(folder);
        }
    }

    internal static async Task SeedAsync(string database, string platform, IReadOnlyList<string> chats)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Storage:ConnectionString"] = $"Data Source={database}" })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddUpdateBotStorage(configuration).BuildServiceProvider();
        await BotUnderTest.SeedSubscriptionsAsync(services, platform, chats, CancellationToken.None);
        await BotUnderTest.CommitEntryAsync(services, "e1", CancellationToken.None);
    }

    internal static Process StartChild(string database, StandInHarness standIn, TaskCompletionSource started, params string[] extra)
    {
        var self = typeof(CrashBenchmark).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { self, DeliveryChild.Verb, "--db", database }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in standIn.BotSettings())
        {
            info.ArgumentList.Add($"{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the bot process");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "child: started")
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("  bot: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
