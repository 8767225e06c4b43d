using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Hosting;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Stopping_the_host_lets_a_request_in_flight_finish()
    {
        var handler = new FakeTelegramWebhookHandler("secret") { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var web = await WebHost.StartAsync(s => s.AddSingleton<ITelegramWebhookHandler>(handler));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent("""{"update_id":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "secret");
        var inFlight = web.Client.SendAsync(request);
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var stopping = web.Host.StopAsync(TimeSpan.FromSeconds(20));
        Assert.False(stopping.IsCompleted);
        handler.Gate.SetResult();
        using var response = await inFlight;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(handler.Updates);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => web.Client.GetAsync("/healthz"));
        web.Client.Dispose();
        web.Host.Dispose();
    }

    [Fact]
    public async Task The_endpoint_binds_loopback_by_default()
    {
        var options = new WebOptions();
        Assert.Equal("http://127.0.0.1:5080", options.Urls);
        Assert.True(options.Enabled);
        Assert.Equal(1024 * 1024, options.MaxRequestBodyBytes);

        await using var web = await WebHost.StartAsync();
        Assert.All(web.Get<WebServerAddresses>().Addresses, a => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(a).Host))));
    }

    [Fact]
    public async Task When_disabled_nothing_listens()
    {
        var port = WebHost.FreePort();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["UpdateBot:Web:Enabled"] = "false";
        builder.Configuration["UpdateBot:Web:Urls"] = $"http://127.0.0.1:{port}";
        builder.Services.AddSingleton<UpdateBot.Core.Storage.IEntryStore>(new FakeEntryStore());
        builder.Services.AddSingleton<UpdateBot.Core.Storage.ISourceStateStore>(new FakeSourceStateStore());
        builder.Services.AddUpdateBotWeb(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.Empty(host.Services.GetRequiredService<WebServerAddresses>().Addresses);
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_busy_port_leaves_the_bot_running_without_the_endpoint()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["UpdateBot:Web:Urls"] = $"http://127.0.0.1:{port}";
        builder.Services.AddSingleton<UpdateBot.Core.Storage.IEntryStore>(new FakeEntryStore());
        builder.Services.AddSingleton<UpdateBot.Core.Storage.ISourceStateStore>(new FakeSourceStateStore());
        builder.Services.AddUpdateBotWeb(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            Assert.Empty(host.Services.GetRequiredService<WebServerAddresses>().Addresses);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("UpdateBot:Web:Urls", "ftp://127.0.0.1:21")]
    [InlineData("UpdateBot:Web:Urls", "not a url")]
    [InlineData("UpdateBot:Web:Urls", "")]
    [InlineData("UpdateBot:Web:PublicBaseUrl", "bot.example.org")]
    [InlineData("UpdateBot:Web:MaxRequestBodyBytes", "10")]
    public async Task Bad_settings_stop_start_up_naming_the_key(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration[key] = value;
        builder.Services.AddSingleton<UpdateBot.Core.Storage.IEntryStore>(new FakeEntryStore());
        builder.Services.AddSingleton<UpdateBot.Core.Storage.ISourceStateStore>(new FakeSourceStateStore());
        builder.Services.AddUpdateBotWeb(builder.Configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
