using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UpdateBot.StandIns.Discord;

namespace UpdateBot.Discord.Tests;

/// <summary>The real gateway client against the stand-in's gateway, with fake time: every fault Discord documents.</summary>
public sealed class GatewayTests
{
    // Hello's interval is 41.25 s; the harness fixes the jitter at 0.5, so the first heartbeat is due at 20.625 s.
    private static readonly TimeSpan FirstBeat = TimeSpan.FromSeconds(20.625);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(41.25);

    [Fact]
    public async Task Connects_IdentifiesWithoutPrivilegedIntents_AndRegistersTheCommands()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.True(await bot.UntilReadyAsync());
        var identify = Assert.Single(bot.StandIn.Identifies);
        Assert.Equal(1, identify["intents"]!.GetValue<int>());
        Assert.Null(identify["shard"]);
        Assert.Equal(bot.StandIn.Options.ApplicationId, bot.Status.ApplicationId);

        Assert.True(await bot.UntilAsync(() => bot.StandIn.RegisteredCommands() is not null));
        var commands = bot.StandIn.RegisteredCommands()!.Select(c => c!.AsObject()).ToDictionary(c => c["name"]!.GetValue<string>());
        Assert.Contains("latest", commands.Keys);
        Assert.Contains("subscribe", commands.Keys);
        Assert.Equal("32", commands["breaking"]["default_member_permissions"]!.GetValue<string>());
        Assert.True(commands["events"]["options"]![0]!["autocomplete"]!.GetValue<bool>());

        // The stand-in stores the commands before it logs the request: wait for the log, then count.
        Assert.True(await bot.UntilAsync(() => bot.StandIn.Requests.Any(r => r.Method == "PUT")));
        Assert.Single(bot.StandIn.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task GuildIds_RegisterTheCommandsInEachGuild()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["UpdateBot:Discord:GuildIds:0"] = "1000000000000000001",
            ["UpdateBot:Discord:ApplicationId"] = "900000000000000001",
        });

        Assert.True(await bot.UntilAsync(() => bot.StandIn.RegisteredCommands("1000000000000000001") is not null));
        Assert.Null(bot.StandIn.RegisteredCommands());
    }

    [Fact]
    public async Task WithoutGatewayUrl_TheUrlComesFromGatewayBot()
    {
        await using var bot = await BotHarness.StartAsync(useGatewayBot: true);

        Assert.True(await bot.UntilReadyAsync());
        Assert.Contains(bot.StandIn.Requests, r => r is { Method: "GET", Path: "gateway/bot" });
    }

    [Fact]
    public async Task Heartbeats_FollowTheIntervalWithJitter_AndCarryTheLastSequence()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        bot.Time.Advance(FirstBeat - TimeSpan.FromMilliseconds(1));
        await Task.Delay(200);
        Assert.Equal(0, bot.StandIn.HeartbeatCount);

        bot.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await bot.UntilAsync(() => bot.StandIn.HeartbeatCount == 1));
        Assert.Equal(1, bot.StandIn.HeartbeatSequences[0]);

        bot.Time.Advance(Interval);
        if (!await bot.UntilAsync(() => bot.StandIn.HeartbeatCount == 2, timeout: TimeSpan.FromSeconds(3)))
        {
            // Fake time jumps at once: on a loaded machine the client may set its next timer only after that
            // advance, and the timer is then one interval further on.
            bot.Time.Advance(Interval);
        }

        Assert.True(await bot.UntilAsync(() => bot.StandIn.HeartbeatCount == 2));
        Assert.Single(bot.StandIn.ConnectionPaths);
    }

    [Fact]
    public async Task AHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.RequestHeartbeatAsync();

        Assert.True(await bot.UntilAsync(() => bot.StandIn.HeartbeatCount == 1));
    }

    [Fact]
    public async Task MissingAck_IsAZombie_ClosedWithoutInvalidatingAndResumed()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());
        bot.StandIn.AckHeartbeats = false;

        bot.Time.Advance(FirstBeat);
        Assert.True(await bot.UntilAsync(() => bot.StandIn.HeartbeatCount == 1));
        bot.StandIn.AckHeartbeats = true;
        bot.Time.Advance(Interval);

        Assert.True(await bot.UntilAsync(() => bot.StandIn.ResumeCount == 1 && bot.StandIn.ReadyConnections == 1));
        var code = Assert.Single(bot.StandIn.ClientCloseCodes);
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        Assert.Equal(["/gateway", "/gateway-resume"], bot.StandIn.ConnectionPaths);
        Assert.Equal(1, bot.StandIn.IdentifyCount);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnTheResumeUrl()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        Assert.Equal(0, bot.Status.Reconnects);
        await bot.StandIn.SendReconnectAsync();

        Assert.True(await bot.UntilAsync(() => bot.StandIn.ResumeCount == 1 && bot.StandIn.ReadyConnections == 1));
        Assert.Equal(["/gateway", "/gateway-resume"], bot.StandIn.ConnectionPaths);
        Assert.Equal(1, bot.StandIn.IdentifyCount);
        Assert.True(await bot.UntilAsync(() => bot.Status.Reconnects == 1));
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.InvalidateSessionAsync(resumable: true);

        Assert.True(await bot.UntilAsync(() => bot.StandIn.ResumeCount == 1 && bot.StandIn.ReadyConnections == 1));
        Assert.Equal(1, bot.StandIn.IdentifyCount);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAnewOnTheGatewayUrlAfterAWait()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.InvalidateSessionAsync(resumable: false);
        await Task.Delay(300);
        Assert.Equal(1, bot.StandIn.IdentifyCount);

        Assert.True(await bot.UntilAsync(() => bot.StandIn.IdentifyCount == 2 && bot.StandIn.ReadyConnections == 1, step: TimeSpan.FromMilliseconds(500)));
        Assert.Equal(0, bot.StandIn.ResumeCount);
        Assert.Equal("/gateway", bot.StandIn.ConnectionPaths[^1]);
    }

    [Fact]
    public async Task DroppedConnection_IsResumedAndMissedInteractionsAreAnswered()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.DropConnectionsAsync();
        var id = await bot.StandIn.InjectCommandAsync(new StandInUser("1"), BotHarness.Channel, "help");

        Assert.True(await bot.UntilAsync(() => bot.StandIn.Interaction(id)?.CallbackType is not null));
        Assert.Equal(1, bot.StandIn.ResumeCount);
        Assert.Equal(1, bot.StandIn.IdentifyCount);
        var callback = Assert.Single(bot.StandIn.Callbacks);
        Assert.Equal(204, callback.Status);
        Assert.Equal(4, callback.Type);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    public async Task ReconnectableCloseCodes_Resume(int code)
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.CloseConnectionsAsync(code, "test");

        Assert.True(await bot.UntilAsync(() => bot.StandIn.ResumeCount == 1 && bot.StandIn.ReadyConnections == 1));
    }

    [Fact]
    public async Task SessionTimedOut_4009_StartsANewSession()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.CloseConnectionsAsync(4009, "Session timed out");

        Assert.True(await bot.UntilAsync(() => bot.StandIn.IdentifyCount == 2 && bot.StandIn.ReadyConnections == 1, step: TimeSpan.FromMilliseconds(500)));
        Assert.Equal(0, bot.StandIn.ResumeCount);
    }

    [Theory]
    [InlineData(4004, "token")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "ShardCount")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "Developer Portal")]
    public async Task FatalCloseCodes_StopTheBotWithAClearMessage(int code, string hint)
    {
        await using var bot = await BotHarness.StartAsync(new DiscordStandInOptions { CloseOnIdentify = code });

        Assert.True(await bot.UntilAsync(() => bot.GatewayTask!.IsCompleted));
        var error = await Assert.ThrowsAsync<DiscordFatalException>(() => bot.GatewayTask!);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.StandIn.Options.Token, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, bot.Status.FatalError);
        Assert.True(await bot.UntilAsync(() => bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested));

        // It does not try again.
        bot.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        Assert.Single(bot.StandIn.ConnectionPaths);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(bot.StandIn.Options.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessagesInManyTinyFrames_AreReassembled()
    {
        await using var bot = await BotHarness.StartAsync(new DiscordStandInOptions { FragmentSize = 3 });

        Assert.True(await bot.UntilReadyAsync());
        var id = await bot.StandIn.InjectCommandAsync(new StandInUser("1"), BotHarness.Channel, "help");
        Assert.True(await bot.UntilAsync(() => bot.StandIn.Interaction(id)?.CallbackType == 4));
    }

    [Fact]
    public async Task SeveralShards_IdentifyEachWithItsShardAndSpacedByMaxConcurrency()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["UpdateBot:Discord:ShardCount"] = "2" });

        Assert.True(await bot.UntilAsync(() => bot.StandIn.IdentifyCount == 1));
        await Task.Delay(300);
        Assert.Equal(1, bot.StandIn.IdentifyCount);

        bot.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await bot.UntilReadyAsync(2));
        var shards = bot.StandIn.Identifies.Select(i => i["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray()).ToList();
        Assert.Contains(shards, s => s.SequenceEqual([0, 2]));
        Assert.Contains(shards, s => s.SequenceEqual([1, 2]));
    }

    [Fact]
    public async Task SpentSessionStartLimit_DelaysIdentifyUntilItResets()
    {
        await using var bot = await BotHarness.StartAsync(new DiscordStandInOptions { SessionStartRemaining = 1 });
        Assert.True(await bot.UntilReadyAsync());

        await bot.StandIn.InvalidateSessionAsync(resumable: false);
        for (var i = 0; i < 20; i++)
        {
            bot.Time.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(20);
        }

        Assert.Equal(1, bot.StandIn.IdentifyCount);
        bot.Time.Advance(TimeSpan.FromHours(1));
        var ok = await bot.UntilAsync(() => bot.StandIn.IdentifyCount == 2);
        Assert.True(ok, string.Join("\n", bot.Logs.Lines.Where(l => l.Contains("Discord", StringComparison.Ordinal))));
    }
}
