using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core;
using UpdateBot.Core.Storage;
using UpdateBot.Web.Hosting;
using UpdateBot.Web.Tests.Fakes;

namespace UpdateBot.Web.Tests.Support;

/// <summary>A generic host like the bot's, with the web endpoint on a loopback port and hand-written fake stores.</summary>
public sealed class WebHost : IAsyncDisposable
{
    private WebHost(IHost host, HttpClient client)
    {
        Host = host;
        Client = client;
    }

    public IHost Host { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<WebHost> StartAsync(
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        FakeEntryStore? entries = null,
        FakeSourceStateStore? states = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = new Dictionary<string, string?>
        {
            ["UpdateBot:Web:Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddUpdateBotCore(builder.Configuration);
        builder.Services.AddSingleton<IEntryStore>(entries ?? new FakeEntryStore());
        builder.Services.AddSingleton<ISourceStateStore>(states ?? new FakeSourceStateStore());
        configure?.Invoke(builder.Services);
        builder.Services.AddUpdateBotWeb(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        var address = host.Services.GetRequiredService<WebServerAddresses>().First;
        return new WebHost(host, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>A loopback port free right now (for settings that must name the port before the host starts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        Host.Dispose();
    }
}
