using Microsoft.Extensions.Time.Testing;
using UpdateBot.Discord.Gateway;

namespace UpdateBot.Discord.Tests;

public sealed class LimiterTests
{
    [Fact]
    public async Task GatewaySends_StopAt110PerMinute_LeavingRoomForHeartbeats()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.NonHeartbeatLimit; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        var blocked = limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        await limiter.WaitAsync(heartbeat: true, CancellationToken.None);
        Assert.False(blocked.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(59.9));
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Heartbeats_NeverExceed120PerMinute()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit; i++)
        {
            await limiter.WaitAsync(heartbeat: true, CancellationToken.None);
        }

        var blocked = limiter.WaitAsync(heartbeat: true, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);
    }

    [Fact]
    public async Task Identifies_AreSpacedFiveSecondsPerConcurrencySlot()
    {
        var time = new FakeTimeProvider();
        var gate = new IdentifyGate(time);
        gate.Update(new GatewayInfo(new Uri("wss://g"), 4, 100, TimeSpan.FromHours(1), 2));

        await gate.WaitTurnAsync(0, null, CancellationToken.None);
        await gate.WaitTurnAsync(1, null, CancellationToken.None);
        var third = gate.WaitTurnAsync(2, null, CancellationToken.None);
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(97, gate.Remaining);
    }

    [Fact]
    public async Task Identifies_WaitForTheSessionStartLimitToReset()
    {
        var time = new FakeTimeProvider();
        var gate = new IdentifyGate(time);
        gate.Update(new GatewayInfo(new Uri("wss://g"), 1, 0, TimeSpan.FromMinutes(30), 1));
        var waits = new List<TimeSpan>();

        var turn = gate.WaitTurnAsync(0, waits.Add, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromMinutes(30), waits[0]);
    }
}
