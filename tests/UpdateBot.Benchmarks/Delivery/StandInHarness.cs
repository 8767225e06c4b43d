using UpdateBot.StandIns.Discord;
using UpdateBot.StandIns.Telegram;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>The platform's loopback stand-in with its documented limits switched on, seen the same way for both.</summary>
internal sealed class StandInHarness : IAsyncDisposable
{
    private readonly TelegramStandIn? telegram;
    private readonly DiscordStandIn? discord;

    private StandInHarness(string platform, TelegramStandIn? telegram, DiscordStandIn? discord)
    {
        Platform = platform;
        this.telegram = telegram;
        this.discord = discord;
    }

    public string Platform { get; }

    /// <summary>Messages per second the platform allows a bot (the ceiling of a fan-out).</summary>
    public double Ceiling => telegram is not null ? 30 : 50;

    public long TooManyRequests => telegram?.TooManyRequestsCount ?? discord!.RateLimitedCount;

    public static async Task<StandInHarness> StartAsync(string platform) => platform == "telegram"
        ? new StandInHarness(platform, await TelegramStandIn.StartAsync(new TelegramStandInOptions { Limits = TelegramStandInLimits.Telegram, AcceptUnknownChats = true }), null)
        : new StandInHarness(platform, null, await DiscordStandIn.StartAsync());

    public string ChatId(int index) => telegram is not null
        ? (1_000_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : (1_100_000_000_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Configuration that points the bot's adapter at this stand-in.</summary>
    public Dictionary<string, string?> BotSettings() => telegram is not null
        ? new()
        {
            ["UpdateBot:Telegram:Token"] = telegram.Token,
            ["UpdateBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["UpdateBot:Telegram:RegisterCommands"] = "false",
            ["UpdateBot:Telegram:PollTimeoutSeconds"] = "5",
        }
        : new()
        {
            ["UpdateBot:Discord:Token"] = discord!.Options.Token,
            ["UpdateBot:Discord:ApplicationId"] = discord.Options.ApplicationId,
            ["UpdateBot:Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["UpdateBot:Discord:GatewayUrl"] = discord.GatewayUrl.ToString(),
        };

    /// <summary>Messages received per chat (distinct platform messages; Discord's nonce replays are not new messages).</summary>
    public Dictionary<string, int> Received(IReadOnlyList<string> chats)
    {
        var counts = new Dictionary<string, int>(chats.Count);
        if (telegram is not null)
        {
            foreach (var message in telegram.AllMessages)
            {
                var chat = message.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                counts[chat] = counts.GetValueOrDefault(chat) + 1;
            }

            return counts;
        }

        foreach (var chat in chats)
        {
            var n = discord!.Messages(chat).Count;
            if (n > 0)
            {
                counts[chat] = n;
            }
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (telegram is not null)
        {
            await telegram.DisposeAsync();
        }

        if (discord is not null)
        {
            await discord.DisposeAsync();
        }
    }
}
