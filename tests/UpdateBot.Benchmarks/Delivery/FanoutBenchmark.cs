using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Delivery;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>
/// fanout: one entry to N chats through the real delivery engine and the real adapter, against the platform's
/// loopback stand-in enforcing its documented limits. Seconds run from the commit of the entry to the last message
/// the stand-in accepted.
/// </summary>
internal static class FanoutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var platform = options.Platform();
        var destinations = options.Number("destinations", 100);
        var timeout = TimeSpan.FromSeconds(options.Number("timeout", Math.Max(120, destinations / 10)));
        var folder = Directory.CreateTempSubdirectory("updatebot-fanout-").FullName;
        try
        {
            await using var standIn = await StandInHarness.StartAsync(platform);
            var chats = Enumerable.Range(0, destinations).Select(standIn.ChatId).ToList();
            using var host = BotUnderTest.Build(Path.Combine(folder, "bot.db"), standIn.BotSettings());
            await BotUnderTest.SeedSubscriptionsAsync(host.Services, platform, chats, CancellationToken.None);
            await host.StartAsync();

            var clock = Stopwatch.StartNew();
            await BotUnderTest.CommitEntryAsync(host.Services, "e1", CancellationToken.None);
            var lastCount = 0;
            var lastProgress = clock.Elapsed;
            var finished = clock.Elapsed;
            while (clock.Elapsed < timeout)
            {
                await Task.Delay(100);
                var received = standIn.Received(chats).Values.Sum();
                if (received != lastCount)
                {
                    lastCount = received;
                    lastProgress = finished = clock.Elapsed;
                    if (received >= destinations)
                    {
                        break;
                    }
                }
                else if (clock.Elapsed - lastProgress > TimeSpan.FromSeconds(30))
                {
                    break;
                }
            }

            // Let anything in flight land, so duplicates would be seen.
            await Task.Delay(1000);
            var counts = standIn.Received(chats);
            var engine = host.Services.GetRequiredService<DeliveryEngine>();
            var statistics = engine.For(platform)!.Statistics;
            await host.StopAsync();

            var lost = chats.Count(c => counts.GetValueOrDefault(c) == 0);
            var duplicates = counts.Values.Sum(n => Math.Max(0, n - 1));
            var seconds = finished.TotalSeconds;
            var rate = (destinations - lost) / Math.Max(seconds, 0.001);
            Console.Error.WriteLine($"engine: sent={statistics.Sent} rateLimited={statistics.RateLimited} transient={statistics.Transient} failed={statistics.Failed}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fanout platform={platform} destinations={destinations} seconds={seconds:F1} rate={rate:F2} ceiling={standIn.Ceiling:F0} ratio={rate / standIn.Ceiling:F3} 429s={standIn.TooManyRequests} lost={lost} duplicates={duplicates}"));
            return lost == 0 && duplicates == 0 ? 0 : 1;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp files left behind are harmless.
        }
    }
}
