using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;
using UpdateBot.StandIns.Discord;

namespace UpdateBot.Discord.Tests;

/// <summary>
/// With real time, the client keeps under Discord's limits by itself: it reads the bucket headers and the global
/// limit and never draws a 429. (Counts are asserted, never durations.)
/// </summary>
public sealed class RealTimeTests
{
    [Fact]
    public async Task FanOutToManyChannels_StaysUnderTheGlobalLimit()
    {
        await using var bot = await BotHarness.StartAsync(startGateway: false, realTime: true);
        var channels = Enumerable.Range(0, 120).Select(i => (810_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var results = await Task.WhenAll(channels.Select(c =>
            bot.Platform.SendAsync(new ChatAddress("discord", c), OutgoingMessage.Text("Fan-out " + c), "fan:" + c, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Equal(0, bot.StandIn.RateLimitedCount);
        Assert.All(channels, c => Assert.Single(bot.StandIn.Messages(c)));
        Assert.Equal(120, bot.StandIn.MessageCount);
        Assert.Equal(120, bot.StandIn.ChannelIds.Count);
    }

    [Fact]
    public async Task BurstToOneChannel_WaitsForItsBucketInsteadOfDrawing429s()
    {
        await using var bot = await BotHarness.StartAsync(new DiscordStandInOptions { MessageWindow = TimeSpan.FromMilliseconds(500) }, startGateway: false, realTime: true);
        var chat = new ChatAddress("discord", BotHarness.Channel);

        for (var i = 0; i < 12; i++)
        {
            var result = await bot.Platform.SendAsync(chat, OutgoingMessage.Text("Burst " + i), "burst:" + i, CancellationToken.None);
            Assert.Equal(SendOutcome.Sent, result.Outcome);
        }

        Assert.Equal(0, bot.StandIn.RateLimitedCount);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "Burst " + i), bot.StandIn.Messages(BotHarness.Channel).Select(m => m.Content));
    }

    [Fact]
    public async Task RealHeartbeats_KeepTheConnectionAlive()
    {
        await using var bot = await BotHarness.StartAsync(new DiscordStandInOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(250) }, realTime: true);

        Assert.True(await bot.UntilReadyAsync());
        Assert.True(await bot.UntilAsync(() => bot.StandIn.HeartbeatCount >= 5));

        // On a busy machine an ACK may come late and the bot resume; the session itself is never lost.
        Assert.Equal(1, bot.StandIn.IdentifyCount);
        Assert.DoesNotContain(1000, bot.StandIn.ClientCloseCodes);
    }
}
