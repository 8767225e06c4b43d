using System.Globalization;
using System.Text.RegularExpressions;

using UpdateBot.Storage.Tests.Infrastructure;

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
        var output = await BenchmarkProgram.RunAsync(TimeSpan.FromMinutes(5), "crash", "--platform", platform, "--destinations", "60", "--kills", $"{kills}", "--seed", "7", "--max-delay-ms", "1200");

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

    [GeneratedRegex(@"crash platform=\w+ destinations=\d+ kills=(?<kills>\d+) lost=(?<lost>\d+) duplicates=(?<duplicates>\d+)")]
    private static partial Regex CrashLine();
}
