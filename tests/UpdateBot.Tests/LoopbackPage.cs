using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UpdateBot.Tests;

/// <summary>A live-blog page on a real loopback web server, whose content a test changes between polls.</summary>
internal sealed class LoopbackPage : IAsyncDisposable
{
    private readonly WebApplication app;
    private volatile string content = "";

    private LoopbackPage(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int Requests;

    public string Content
    {
        get => content;
        set => content = value;
    }

    public static async Task<LoopbackPage> StartAsync(string initialContent)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var page = new LoopbackPage(builder.Build()) { Content = initialContent };
        page.app.MapGet("/live", () =>
        {
            Interlocked.Increment(ref page.Requests);
            return Results.Content(page.Content, "text/html; charset=utf-8");
        });
        await page.app.StartAsync();
        var address = page.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        page.Url = new Uri(address + "/live");
        return page;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
