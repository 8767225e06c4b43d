using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace UpdateBot.Storage.Tests.Delivery;

/// <summary>
/// The crash benchmark at a CI-friendly size: the real bot process (engine, SQLite, Telegram or Discord adapter) is
/// killed with SIGKILL while fanning out to the loopback stand-in, and restarted each time.
/// </summary>
public sealed partial class CrashTests
{
    [Theory]
    [InlineData("telegram")]
    [InlineData("discord")]
    public async Task A_fan_out_killed_with_SIGKILL_and_restarted_loses_nothing(string platform)
    {
        const int kills = 3;
        var output = await RunBenchmarkAsync("crash", "--platform", platform, "--destinations", "60", "--kills", $"{kills}", "--seed", "7", "--max-delay-ms", "1200");

        var line = CrashLine().Match(output);
        Assert.True(line.Success, "no result line in:\n" + output);
        var killed = int.Parse(line.Groups["kills"].Value, CultureInfo.InvariantCulture);
        var duplicates = int.Parse(line.Groups["duplicates"].Value, CultureInfo.InvariantCulture);
        Assert.Equal("0", line.Groups["lost"].Value);
        Assert.True(killed >= 1, "the bot was never killed mid-fan-out:\n" + output);
        if (platform == "discord")
        {
            Assert.Equal(0, duplicates); // nonce + enforce_nonce
        }
        else
        {
            Assert.True(duplicates <= killed, $"{duplicates} duplicates after {killed} kills (at most one per kill)");
        }
    }

    private static async Task<string> RunBenchmarkAsync(params string[] args)
    {
        var assembly = typeof(CrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BenchmarksAssembly").Value!;
        Assert.True(File.Exists(assembly), $"the benchmark program is not built at {assembly}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return await stdout + "\n" + await stderr;
    }

    [GeneratedRegex(@"crash platform=\w+ destinations=\d+ kills=(?<kills>\d+) lost=(?<lost>\d+) duplicates=(?<duplicates>\d+)")]
    private static partial Regex CrashLine();
}
