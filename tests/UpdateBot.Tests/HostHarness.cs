using Microsoft.Extensions.Hosting;
using UpdateBot.ConsoleChat;
using UpdateBot.Hosting;

namespace UpdateBot.Tests;

/// <summary>Boots the real host with the console chat on in-memory streams, as `UpdateBot --once` would run.</summary>
internal static class HostHarness
{
    public static async Task<string> RunOnceAsync(string databasePath, Uri feed, string input, int backlog = 0, DateTimeOffset? now = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["UpdateBot:Storage:Provider"] = "Sqlite",
            ["UpdateBot:Storage:ConnectionString"] = $"Data Source={databasePath}",
            ["UpdateBot:Sources:0:Name"] = "test-blog",
            ["UpdateBot:Sources:0:Url"] = feed.ToString(),
            ["UpdateBot:Sources:0:Backlog"] = backlog.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["UpdateBot:TimeZone"] = "Europe/London",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["UpdateBot:Web:Enabled"] = "false",
        };
        var output = new StringWriter();
        var streams = new ConsoleStreams(new StringReader(input), output, interactive: false);
        using var host = BotHost.Build(
            new BotRunSettings { Once = true, Overrides = overrides },
            streams,
            now is { } start ? new ShiftedTimeProvider(start) : null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the one-shot run did not finish");
        return output.ToString();
    }
}
