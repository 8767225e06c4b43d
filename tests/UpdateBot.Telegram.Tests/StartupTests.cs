using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;
using UpdateBot.Telegram.Tests.Support;

namespace UpdateBot.Telegram.Tests;

public sealed class StartupTests
{
    private const string WrongToken = "111222:ThisTokenIsWrong_xyz";

    [Fact]
    public async Task A_rejected_token_stops_start_up_with_a_clear_message_that_does_not_show_the_token()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s["UpdateBot:Telegram:Token"] = WrongToken, start: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Host.StartAsync());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpdateBot:Telegram:Token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ThisTokenIsWrong", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ThisTokenIsWrong", bot.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_token_or_webhook_setting_fails_validation_naming_the_key()
    {
        await using var bot = await BotHarness.StartAsync(
            configure: s =>
            {
                s["UpdateBot:Telegram:Token"] = "not a token";
                s["UpdateBot:Telegram:Mode"] = "Webhook";
                s["UpdateBot:Telegram:WebhookUrl"] = "http://insecure.example.org/hook";
            },
            start: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => bot.Host.StartAsync());

        Assert.Contains("UpdateBot:Telegram:Token is not a bot token", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpdateBot:Telegram:WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpdateBot:Telegram:WebhookSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_nothing_is_registered()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Telegram:Mode"] = "Polling" }).Build();

        services.AddUpdateBotTelegram(configuration);

        Assert.Empty(services);
    }

    [Fact]
    public async Task The_command_menu_shows_public_commands_to_everyone_and_all_commands_to_moderators()
    {
        await using var bot = await BotHarness.StartAsync(
            configure: s => s["UpdateBot:Moderators:Telegram:0"] = "4242",
            start: false);
        bot.Server.AddChat(4242);
        await bot.Host.StartAsync();

        var everyone = Names(bot.Server.CommandsFor("default"));
        var moderator = Names(bot.Server.CommandsFor("chat:4242"));

        Assert.Contains("latest", everyone);
        Assert.Contains("subscribe", everyone);
        Assert.DoesNotContain("post", everyone);
        Assert.Contains("post", moderator);
        Assert.Contains("latest", moderator);
    }

    [Fact]
    public async Task Webhook_mode_registers_the_webhook_with_its_secret_and_does_not_poll()
    {
        await using var bot = await BotHarness.StartAsync(configure: s =>
        {
            s["UpdateBot:Telegram:Mode"] = "Webhook";
            s["UpdateBot:Telegram:WebhookUrl"] = "https://bot.example.org/telegram";
            s["UpdateBot:Telegram:WebhookSecret"] = "s3cret_value-1";
        });

        Assert.Equal("https://bot.example.org/telegram", bot.Server.WebhookUrl);
        Assert.Equal("s3cret_value-1", bot.Server.WebhookSecret);
        Assert.DoesNotContain(bot.Host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "TelegramPollingReceiver");
        Assert.Equal(0, bot.Server.GetUpdatesCalls);
    }

    [Fact]
    public async Task The_webhook_handler_checks_the_secret_and_answers_each_update_once()
    {
        await using var bot = await BotHarness.StartAsync(configure: s =>
        {
            s["UpdateBot:Telegram:Mode"] = "Webhook";
            s["UpdateBot:Telegram:WebhookUrl"] = "https://bot.example.org/telegram";
            s["UpdateBot:Telegram:WebhookSecret"] = "s3cret_value-1";
        });
        var handler = bot.Host.Services.GetRequiredService<TelegramWebhookHandler>();
        bot.Server.AddChat(777);
        var update = new JsonObject
        {
            ["update_id"] = 10,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["date"] = 1_700_000_000,
                ["chat"] = new JsonObject { ["id"] = 777, ["type"] = "private", ["first_name"] = "Eve" },
                ["from"] = new JsonObject { ["id"] = 777, ["is_bot"] = false, ["first_name"] = "Eve" },
                ["text"] = "/start",
            },
        }.ToJsonString();

        var wrong = await handler.HandleWebhookAsync(update, "s3cret_value-2", CancellationToken.None);
        var missing = await handler.HandleWebhookAsync(update, null, CancellationToken.None);
        var garbage = await handler.HandleWebhookAsync("{not json", "s3cret_value-1", CancellationToken.None);
        Assert.Empty(bot.Server.MessagesIn(777));

        var handled = await handler.HandleWebhookAsync(update, "s3cret_value-1", CancellationToken.None);
        var repeated = await handler.HandleWebhookAsync(update, "s3cret_value-1", CancellationToken.None);

        Assert.Equal(TelegramWebhookOutcome.Unauthorized, wrong);
        Assert.Equal(TelegramWebhookOutcome.Unauthorized, missing);
        Assert.Equal(TelegramWebhookOutcome.BadRequest, garbage);
        Assert.Equal(TelegramWebhookOutcome.Handled, handled);
        Assert.Equal(TelegramWebhookOutcome.Handled, repeated);
        Assert.StartsWith("Hello!", Assert.Single(bot.Server.MessagesIn(777)).VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_exceptions_or_results()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = bot.Server.Token;
        var secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        bot.Server.AddChat(1);
        bot.Server.AddChat(2);
        bot.Server.Block(2);
        bot.Server.FailNext("sendMessage", 429, "", retryAfter: 3);
        bot.Server.FailNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 1");
        bot.Server.FailNext("getUpdates", 502, "Bad Gateway");
        var results = new List<SendResult>
        {
            await bot.Platform.SendAsync(new ChatAddress("telegram", "1"), OutgoingMessage.Text("a"), "1", CancellationToken.None),
            await bot.Platform.SendAsync(new ChatAddress("telegram", "1"), OutgoingMessage.Text("b"), "2", CancellationToken.None),
            await bot.Platform.SendAsync(new ChatAddress("telegram", "2"), OutgoingMessage.Text("c"), "3", CancellationToken.None),
            await bot.Platform.SendAsync(new ChatAddress("telegram", "404"), OutgoingMessage.Text("d"), "4", CancellationToken.None),
        };
        bot.Server.SendText(1, 1, "/start");
        await bot.Server.WaitForMessagesAsync(1, 2, TimeSpan.FromSeconds(20));

        // A network failure too: a second bot whose server is gone.
        var unreachable = await BotHarness.StartAsync(configure: s => s["UpdateBot:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9", start: false);
        var startError = await Assert.ThrowsAsync<InvalidOperationException>(() => unreachable.Host.StartAsync());
        var networkResult = await unreachable.Platform.SendAsync(new ChatAddress("telegram", "1"), OutgoingMessage.Text("e"), "5", CancellationToken.None);
        await unreachable.DisposeAsync();

        Assert.Contains(bot.Logs.Lines, l => l.Contains("getUpdates failed", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("plain text", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, bot.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, unreachable.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("/bot", bot.Logs.All + unreachable.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, startError.ToString(), StringComparison.Ordinal);
        Assert.All(results.Append(networkResult), r => Assert.DoesNotContain(secret, r.Error ?? "", StringComparison.Ordinal));
        Assert.Equal(SendOutcome.Transient, networkResult.Outcome);
    }

    [Fact]
    public async Task Webhook_mode_serves_the_web_hosts_port_and_reports_its_status()
    {
        await using var bot = await BotHarness.StartAsync(configure: s =>
        {
            s["UpdateBot:Telegram:Mode"] = "Webhook";
            s["UpdateBot:Telegram:WebhookUrl"] = "https://bot.example.org/telegram";
            s["UpdateBot:Telegram:WebhookSecret"] = "s3cret_value-1";
        });
        var port = bot.Host.Services.GetRequiredService<UpdateBot.Core.Operations.ITelegramWebhookHandler>();
        var status = Assert.Single(bot.Host.Services.GetServices<UpdateBot.Core.Operations.IPlatformStatus>());
        bot.Server.AddChat(778);

        var accepted = await port.HandleUpdateAsync(
            """{"update_id":5,"message":{"message_id":1,"date":1700000000,"chat":{"id":778,"type":"private","first_name":"E"},"from":{"id":778,"is_bot":false,"first_name":"E"},"text":"/help"}}""",
            CancellationToken.None);
        var refused = await port.HandleUpdateAsync("not json at all", CancellationToken.None);

        Assert.True(accepted);
        Assert.False(refused);
        Assert.Equal("s3cret_value-1", port.SecretToken);
        Assert.StartsWith("UpdateBot commands", Assert.Single(bot.Server.MessagesIn(778)).VisibleText, StringComparison.Ordinal);
        Assert.True(status.IsConnected);
        Assert.Equal("webhook set", status.Detail);
    }

    [Fact]
    public async Task Polling_mode_reports_connected_and_offers_no_webhook_port()
    {
        await using var bot = await BotHarness.StartAsync();

        var status = Assert.Single(bot.Host.Services.GetServices<UpdateBot.Core.Operations.IPlatformStatus>());

        Assert.Equal("telegram", status.Platform);
        Assert.True(status.IsConnected);
        Assert.Null(bot.Host.Services.GetService<UpdateBot.Core.Operations.ITelegramWebhookHandler>());
    }

    private static List<string> Names(JsonArray? menu) =>
        menu?.Select(c => (string?)c?["command"]).OfType<string>().ToList() ?? [];
}
