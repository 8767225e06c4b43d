using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        await using var web = await WebHost.StartAsync();
        using var response = await web.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_is_ready_when_the_store_answers_and_every_platform_is_connected()
    {
        await using var web = await WebHost.StartAsync(services =>
        {
            services.AddSingleton<IPlatformStatus>(new FakePlatformStatus("telegram", true));
            services.AddSingleton<IPlatformStatus>(new FakePlatformStatus("discord", true));
        });
        using var response = await web.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("connected", json.RootElement.GetProperty("checks").GetProperty("platform:discord").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("checks").GetProperty("store").GetString());
    }

    [Fact]
    public async Task Readyz_is_503_while_a_platform_is_disconnected()
    {
        var discord = new FakePlatformStatus("discord", false);
        await using var web = await WebHost.StartAsync(services =>
        {
            services.AddSingleton<IPlatformStatus>(new FakePlatformStatus("telegram", true));
            services.AddSingleton<IPlatformStatus>(discord);
        });
        using (var response = await web.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("disconnected", json.RootElement.GetProperty("checks").GetProperty("platform:discord").GetString());
        }

        discord.IsConnected = true;
        using var again = await web.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_503_when_the_store_fails()
    {
        var entries = new FakeEntryStore { Failure = new InvalidOperationException("database is locked") };
        await using var web = await WebHost.StartAsync(entries: entries);
        using var response = await web.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("unreachable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("database is locked", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_wrong_methods_are_405()
    {
        await using var web = await WebHost.StartAsync();
        using var missing = await web.Client.GetAsync("/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var post = await web.Client.PostAsync("/healthz", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_nosniff_and_no_server_header()
    {
        await using var web = await WebHost.StartAsync();
        using var response = await web.Client.GetAsync("/healthz");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Empty(response.Headers.Server);
    }
}
