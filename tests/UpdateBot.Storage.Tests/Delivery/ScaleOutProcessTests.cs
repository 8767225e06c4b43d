using System.Globalization;
using System.Text.RegularExpressions;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Delivery;

/// <summary>
/// Three real bot processes (engine, PostgreSQL store, platform adapter) share one PostgreSQL database and fan one
/// entry out on the loopback stand-in; one is killed with SIGKILL while it holds claims and stays dead. The survivors
/// take its claims over when they expire. Counted at the stand-in: nothing lost, and on Discord (nonce +
/// enforce_nonce) nothing twice. The benchmark verb at a CI-friendly size.
/// </summary>
[RequiresPostgres]
public sealed partial class ScaleOutProcessTests
{
    [StoreFact]
    public async Task Three_processes_on_PostgreSQL_one_killed_mid_fan_out_deliver_everything_once_on_Discord()
    {
        // Short claims: the survivors take the dead instance's work over quickly (a lapsed claim is resent with the same nonce).
        var line = await RunAsync("discord", 200, claimSeconds: 3);

        Assert.Equal("1", line.Groups["kills"].Value);
        Assert.True(long.Parse(line.Groups["orphaned"].Value, CultureInfo.InvariantCulture) > 0, "the killed instance held claims only their expiry frees");
        Assert.Equal("0", line.Groups["lost"].Value);
        Assert.Equal("0", line.Groups["duplicates"].Value);
    }

    [StoreFact]
    public async Task Three_processes_on_PostgreSQL_one_killed_mid_fan_out_lose_nothing_on_Telegram()
    {
        // Claims long enough that a slow send on a loaded machine never outlives its claim (Telegram has no nonce).
        var line = await RunAsync("telegram", 120, claimSeconds: 10);

        Assert.Equal("1", line.Groups["kills"].Value);
        Assert.Equal("0", line.Groups["lost"].Value);
        Assert.True(int.Parse(line.Groups["duplicates"].Value, CultureInfo.InvariantCulture) <= 1, "at most the one message in flight is sent twice");
    }

    private static async Task<Match> RunAsync(string platform, int destinations, int claimSeconds)
    {
        var output = await BenchmarkProgram.RunAsync(TimeSpan.FromMinutes(4), 
            "crash", "--store", "postgres", "--instances", "3", "--platform", platform,
            "--destinations", $"{destinations}", "--seed", "11", "--claim-seconds", $"{claimSeconds}", "--connection", PostgresEnvironment.RequireConnectionString());
        var line = ResultLine().Match(output);
        Assert.True(line.Success, "no result line in:\n" + output);
        return line;
    }

    [GeneratedRegex(@"crash store=postgres instances=3 platform=\w+ destinations=\d+ kills=(?<kills>\d+) .*orphaned_claims=(?<orphaned>\d+) .*lost=(?<lost>\d+) duplicates=(?<duplicates>\d+)")]
    private static partial Regex ResultLine();
}
