using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Delivery;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>
/// The bot process of the crash and memory benchmarks: the delivery path against a stand-in, on a database the parent
/// prepared. It exits when the outbox is empty (or after --exit-after seconds); the parent may SIGKILL it at any time.
/// </summary>
internal static class DeliveryChild
{
    public const string Verb = "deliver-child";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var settings = args.Where(a => a.Contains('=', StringComparison.Ordinal) && a.StartsWith("UpdateBot:", StringComparison.Ordinal))
            .Select(a => a.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1]);
        var exitAfter = TimeSpan.FromSeconds(options.Number("exit-after", 3600));
        using var host = BotUnderTest.Build(
            options.Text("db", "bot.db"), settings, storageProvider: options.Text("provider", "Sqlite"),
            connectionString: options.Text("connection", "") is { Length: > 0 } c ? c : null);
        if (options.Text("commit-entry", "") is { Length: > 0 } entryId)
        {
            await BotUnderTest.CommitEntryAsync(host.Services, entryId, CancellationToken.None);
        }

        await host.StartAsync();
        Console.WriteLine("child: started");
        var queue = host.Services.GetRequiredService<IDeliveryQueue>();
        var started = DateTimeOffset.UtcNow;
        var idleSince = (DateTimeOffset?)null;
        while (DateTimeOffset.UtcNow - started < exitAfter)
        {
            await Task.Delay(250);
            var pending = (await queue.CountAsync(null, CancellationToken.None)).Pending;
            idleSince = pending == 0 ? idleSince ?? DateTimeOffset.UtcNow : null;
            if (idleSince is { } since && DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(1))
            {
                break;
            }
        }

        await host.StopAsync();
        Console.WriteLine("child: done");
        return 0;
    }
}
