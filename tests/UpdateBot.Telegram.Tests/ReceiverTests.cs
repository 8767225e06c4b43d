using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using UpdateBot.Telegram.Receiving;
using UpdateBot.Telegram.Tests.Support;

namespace UpdateBot.Telegram.Tests;

public sealed class ReceiverTests
{
    [Fact]
    public async Task Only_one_receiver_per_token_polls_in_a_process()
    {
        await using var first = await BotHarness.StartAsync();
        await using var second = await BotHarness.StartAsync(sharedServer: first.Server);

        first.Server.SendText(901, 901, "/start");
        first.Server.SendText(902, 902, "/help");
        await first.Server.WaitForMessagesAsync(901, 1);
        await first.Server.WaitForMessagesAsync(902, 1);

        Assert.Equal(0, first.Server.GetUpdatesConflicts);
        Assert.Contains(first.Logs.Lines.Concat(second.Logs.Lines), l => l.Contains("Another receiver already polls this bot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_ignores_the_long_poll_timeout_is_not_hammered()
    {
        await using var bot = await BotHarness.StartAsync(standIn: new StandIns.Telegram.TelegramStandInOptions { MaxLongPollSeconds = 0 });

        await bot.Server.WaitUntilAsync(() => bot.Server.GetUpdatesCalls >= 4, what: "a few polls");

        // After an instant empty answer the loop pauses before asking again (a lower bound: never flaky).
        var polls = bot.Server.Requests.Where(r => r.Method == "getUpdates").Select(r => r.ReceivedAt).ToList();
        Assert.All(polls.Zip(polls.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(240), $"{(pair.Second - pair.First).TotalMilliseconds} ms"));
        bot.Server.SendText(903, 903, "/start");
        await bot.Server.WaitForMessagesAsync(903, 1);
    }

    [Theory]
    [InlineData(1, 0.0, 0.5)]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(3, 0.0, 2.0)]
    [InlineData(20, 1.0, 60.0)]
    public void Backoff_grows_exponentially_with_jitter_up_to_a_minute(int failures, double jitter, double expectedSeconds)
    {
        var delay = PollBackoff.For(failures, new InvalidOperationException(), jitter);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void Backoff_honours_retry_after()
    {
        var tooMany = new ApiRequestException("Too Many Requests: retry after 9", 429, new ResponseParameters { RetryAfter = 9 });

        Assert.Equal(TimeSpan.FromSeconds(9), PollBackoff.For(1, tooMany, 0.3));
    }

    [Fact]
    public void Retry_after_is_read_from_the_description_when_parameters_are_missing()
    {
        var result = TelegramErrors.Map(new ApiRequestException("Too Many Requests: retry after 12", 429), new TokenScrubber("1:x"));

        Assert.Equal(TimeSpan.FromSeconds(12), result.RetryAfter);
    }
}
