using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Storage;
using UpdateBot.Storage;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>
/// memory: peak RSS of the bot process while it commits one entry to N subscriptions (the fan-out in SQL) and delivers
/// for --seconds. Ends with: memory subscriptions=N seconds=S peak_rss_mb=M delivered=D.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var subscriptions = options.Number("subscriptions", 100_000);
        var seconds = options.Number("seconds", 30);
        var folder = Directory.CreateTempSubdirectory("updatebot-memory-").FullName;
        try
        {
            await using var standIn = await StandInHarness.StartAsync("telegram");
            var database = Path.Combine(folder, "bot.db");
            await BulkSubscribeAsync(database, subscriptions, standIn);

            using var child = CrashBenchmark.StartChild(database, standIn, new TaskCompletionSource(), "--commit-entry", "e1", "--exit-after", seconds.ToString(CultureInfo.InvariantCulture));
            long peak = 0;
            while (!child.HasExited)
            {
                peak = Math.Max(peak, ResidentBytes(child.Id));
                await Task.Delay(100);
            }

            var delivered = standIn.Received([]).Values.Sum();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory subscriptions={subscriptions} seconds={seconds} peak_rss_mb={peak / 1024.0 / 1024.0:F1} delivered={delivered} 429s={standIn.TooManyRequests}"));
            return 0;
        }
        finally
        {
            FanoutBenchmark.TryDelete(folder);
        }
    }

    private static async Task BulkSubscribeAsync(string database, int count, StandInHarness standIn)
    {
        // The schema comes from the product; 100,000 rows go in one transaction to keep set-up short.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Storage:ConnectionString"] = $"Data Source={database}" })
            .Build();
        await using (var services = new ServiceCollection().AddLogging().AddUpdateBotStorage(configuration).BuildServiceProvider())
        {
            await services.GetRequiredService<ISubscriptionStore>().CountAsync(CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO subscriptions (platform, chat_id, source_key, source_name, filter, created_at, paused_reason) VALUES ('telegram', @c, 'bench', 'bench', NULL, 0, NULL)";
        var chat = insert.Parameters.Add("@c", SqliteType.Text);
        for (var i = 0; i < count; i++)
        {
            chat.Value = standIn.ChatId(i);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    return kb * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
