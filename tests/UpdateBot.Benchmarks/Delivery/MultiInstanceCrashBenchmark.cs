using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UpdateBot.Storage;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>
/// crash --store postgres --instances K: K separate bot processes share one PostgreSQL database (a fresh schema) and
/// fan one entry out to N chats on the stand-in; one of them is killed with SIGKILL mid-fan-out while it holds claims,
/// and is not restarted: the survivors must take its claims over once they expire. The stand-in counts what arrived.
/// Ends with one line: crash store=postgres instances=K platform=P destinations=N kills=1 ... lost=L duplicates=D.
/// The bot's token is shared, so each instance gets 1/K of the platform's ceiling (RateSafetyFactor), as an operator
/// running K instances must configure; --rate-factor overrides it. Claims last --claim-seconds (default 15; the bot's
/// own default is 60): how long the dead instance's work waits before the survivors may take it.
/// </summary>
internal static class MultiInstanceCrashBenchmark
{
    public const string PostgresVariable = "UPDATEBOT_TEST_POSTGRES";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var platform = options.Platform();
        var destinations = options.Number("destinations", 1000);
        var instances = options.Number("instances", 3);
        var random = new Random(options.Number("seed", Environment.TickCount));
        var claimSeconds = options.Number("claim-seconds", 15);
        var rateFactor = double.Parse(options.Text("rate-factor", (0.98 / instances).ToString("F3", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var baseConnection = options.Text("connection", Environment.GetEnvironmentVariable(PostgresVariable) ?? "");
        if (baseConnection.Length == 0)
        {
            Console.Error.WriteLine($"crash --store postgres needs a PostgreSQL server: set {PostgresVariable} (source .ci/postgres.sh) or pass --connection.");
            return 2;
        }

        if (instances < 2)
        {
            Console.Error.WriteLine("crash --store postgres needs --instances 2 or more (one is killed, the others finish).");
            return 2;
        }

        var schema = "crash_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(baseConnection, $"CREATE SCHEMA {schema}");
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema }.ToString();
        var children = new List<Process>();
        try
        {
            await using var standIn = await StandInHarness.StartAsync(platform);
            var chats = Enumerable.Range(0, destinations).Select(standIn.ChatId).ToList();
            await SeedAsync(connection, platform, chats);

            var clock = Stopwatch.StartNew();
            var started = new List<Task>();
            for (var i = 0; i < instances; i++)
            {
                var ready = new TaskCompletionSource();
                started.Add(ready.Task);
                children.Add(CrashBenchmark.StartChild("unused.db", standIn, ready, ChildArguments(i, platform, connection, claimSeconds, rateFactor)));
            }

            var allStarted = Task.WhenAll(started);
            if (await Task.WhenAny(allStarted, Task.Delay(TimeSpan.FromSeconds(120))) != allStarted)
            {
                Console.Error.WriteLine("crash: the bot processes did not start in time");
                return 1;
            }

            // Kill a random instance at a random point of the fan-out, at a moment it holds claims it has not finished.
            var victim = random.Next(instances);
            var owner = $"{InstanceId(victim)}/{platform}";
            var target = (int)(destinations * (0.2 + (0.4 * random.NextDouble())));
            var receivedAtKill = -1;
            var orphaned = 0L;
            while (!children[victim].HasExited)
            {
                var received = standIn.Received(chats).Values.Sum();
                if (received >= destinations)
                {
                    break; // finished before the kill: the run proves nothing and says so (kills=0)
                }

                if (received >= target && await LiveClaimsAsync(connection, owner) > 0)
                {
                    children[victim].Kill(entireProcessTree: true); // SIGKILL
                    await children[victim].WaitForExitAsync();
                    receivedAtKill = standIn.Received(chats).Values.Sum();
                    orphaned = await LiveClaimsAsync(connection, owner); // what only the expiry of its claims can free
                    break;
                }

                await Task.Delay(10);
            }

            var guard = TimeSpan.FromSeconds(Math.Max(120, destinations / 5));
            foreach (var survivor in children.Where((_, i) => i != victim))
            {
                if (!await CrashBenchmark.WaitForExitAsync(survivor, guard))
                {
                    survivor.Kill(entireProcessTree: true);
                    Console.Error.WriteLine("crash: a surviving instance did not finish in time");
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(500);
            var counts = standIn.Received(chats);
            var lost = chats.Count(c => counts.GetValueOrDefault(c) == 0);
            var duplicates = counts.Values.Sum(n => Math.Max(0, n - 1));
            var kills = receivedAtKill >= 0 ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"crash store=postgres instances={instances} platform={platform} destinations={destinations} kills={kills} killed=instance-{victim} received_at_kill={Math.Max(0, receivedAtKill)} orphaned_claims={orphaned} claim_seconds={claimSeconds} rate_factor={rateFactor:F3} seconds={seconds:F1} lost={lost} duplicates={duplicates} 429s={standIn.TooManyRequests}"));
            return lost == 0 && kills == 1 ? 0 : 1;
        }
        finally
        {
            foreach (var child in children)
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                child.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(baseConnection, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static string InstanceId(int index) => $"bench-{index}";

    private static string[] ChildArguments(int index, string platform, string connection, int claimSeconds, double rateFactor)
    {
        var arguments = new List<string>
        {
            "--provider", "PostgreSql",
            "--connection", connection,
            $"UpdateBot:Delivery:InstanceId={InstanceId(index)}",
            string.Create(CultureInfo.InvariantCulture, $"UpdateBot:Delivery:LeaseDuration={TimeSpan.FromSeconds(claimSeconds):c}"),
            string.Create(CultureInfo.InvariantCulture, $"UpdateBot:Delivery:RateSafetyFactor={rateFactor}"),
        };
        if (platform == "telegram")
        {
            // Only one getUpdates consumer is allowed per token: several instances receive through the webhook.
            // (The stand-in records the webhook and never calls it; the bot only sends here.)
            arguments.Add("UpdateBot:Telegram:Mode=Webhook");
            arguments.Add("UpdateBot:Telegram:WebhookUrl=https://bot.example.invalid/telegram/webhook");
            arguments.Add("UpdateBot:Telegram:WebhookSecret=bench-secret");
        }

        return [.. arguments];
    }

    private static async Task SeedAsync(string connection, string platform, IReadOnlyList<string> chats)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["UpdateBot:Storage:Provider"] = "PostgreSql",
                ["UpdateBot:Storage:ConnectionString"] = connection,
            })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddUpdateBotStorage(configuration).BuildServiceProvider();
        await BotUnderTest.SeedSubscriptionsAsync(services, platform, chats, CancellationToken.None);
        await BotUnderTest.CommitEntryAsync(services, "e1", CancellationToken.None);
    }

    /// <summary>Unfinished jobs the owner has claimed and whose claim has not expired.</summary>
    private static async Task<long> LiveClaimsAsync(string connection, string owner)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM delivery_jobs WHERE status = 0 AND lease_owner = @o AND lease_until > @now", db);
        command.Parameters.AddWithValue("o", owner);
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
