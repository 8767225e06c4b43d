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
