using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class TelegramWebhookTests
{
    private const string Secret = "s3cret_token-ABC";
    private const string Update = """{"update_id":42,"message":{"message_id":1,"chat":{"id":7,"type":"private"},"text":"/latest"}}""";

    [Fact]
    public async Task An_update_with_the_right_secret_reaches_the_handler()
    {
        var handler = new FakeTelegramWebhookHandler(Secret);
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var response = await web.Client.SendAsync(Post(Update, Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Update, Assert.Single(handler.Updates));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData("s3cret_token-AB")]
    [InlineData("s3cret_token-ABCD")]
    public async Task An_update_without_or_with_a_wrong_secret_is_refused(string? presented)
    {
        var handler = new FakeTelegramWebhookHandler(Secret);
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var response = await web.Client.SendAsync(Post(Update, presented));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(handler.Updates);
    }

    [Fact]
    public async Task Every_update_is_refused_when_no_secret_is_configured()
    {
        var handler = new FakeTelegramWebhookHandler(null);
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var response = await web.Client.SendAsync(Post(Update, "anything"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(handler.Updates);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var handler = new FakeTelegramWebhookHandler(Secret);
        await using var web = await WebHost.StartAsync(
            s => s.AddSingleton<ITelegramWebhookHandler>(handler),
            new Dictionary<string, string?> { ["UpdateBot:Web:MaxRequestBodyBytes"] = "4096" });
        var big = "{\"update_id\":1,\"padding\":\"" + new string('x', 5000) + "\"}";
        using var response = await web.Client.SendAsync(Post(big, Secret));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(handler.Updates);
    }

    [Fact]
    public async Task An_oversized_chunked_body_is_refused_with_413()
    {
        var handler = new FakeTelegramWebhookHandler(Secret);
        await using var web = await WebHost.StartAsync(
            s => s.AddSingleton<ITelegramWebhookHandler>(handler),
            new Dictionary<string, string?> { ["UpdateBot:Web:MaxRequestBodyBytes"] = "4096" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new ChunkedContent(Encoding.UTF8.GetBytes(new string('x', 20_000))),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await web.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(handler.Updates);
    }

    [Fact]
    public async Task A_failing_handler_answers_500_so_Telegram_retries()
    {
        var handler = new FakeTelegramWebhookHandler(Secret) { Failure = new InvalidOperationException("queue full") };
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var response = await web.Client.SendAsync(Post(Update, Secret));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("queue full", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_answered_400()
    {
        var handler = new FakeTelegramWebhookHandler(Secret);
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var response = await web.Client.SendAsync(Post("""{"hello":"world"}""", Secret));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(handler.Updates);
    }

    [Fact]
    public async Task The_endpoint_is_404_when_no_Telegram_handler_is_registered()
    {
        await using var web = await WebHost.StartAsync();
        using var response = await web.Client.SendAsync(Post(Update, Secret));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        var handler = new FakeTelegramWebhookHandler(Secret);
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent("hi", Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await web.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(handler.Updates);
    }

    private static HttpRequestMessage Post(string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return request;
    }
}
