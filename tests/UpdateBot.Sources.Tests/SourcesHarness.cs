using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;
using UpdateBot.Sources.Tests.Fakes;
using UpdateBot.Sources.Watching;
using UpdateBot.StandIns.Feeds;

namespace UpdateBot.Sources.Tests;

/// <summary>The sources capability composed as the host composes it, over in-memory stores and a loopback feed site.</summary>
internal sealed class SourcesHarness : IAsyncDisposable
{
    private SourcesHarness(FeedServer server, ServiceProvider services, InMemoryTimeline timeline, InMemorySourceStates states, CapturingLoggerProvider logs)
    {
        Server = server;
        Services = services;
        Timeline = timeline;
        States = states;
        Logs = logs;
    }

    public FeedServer Server { get; }

    public ServiceProvider Services { get; }

    public InMemoryTimeline Timeline { get; }

    public InMemorySourceStates States { get; }

    public CapturingLoggerProvider Logs { get; }

    public ISourceReader Reader => Services.GetRequiredService<ISourceReader>();

    public SourceWatcher Watcher => Services.GetServices<IHostedService>().OfType<SourceWatcher>().Single();

    /// <summary>
    /// Starts the feed server and the sources feature. The fetch timeout is generous by default, so a loaded test
    /// machine does not turn a slow answer into a failure; tests of timeouts pass their own.
    /// </summary>
    public static async Task<SourcesHarness> StartAsync(Action<UpdateBotOptions, FeedServer>? configure = null, string timeout = "00:00:10")
    {
        var server = await FeedServer.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Fetch:Timeout"] = timeout })
            .Build();
        var timeline = new InMemoryTimeline();
        var states = new InMemorySourceStates();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IEntryStore>(timeline);
        services.AddSingleton<ITimelineWriter>(timeline);
        services.AddSingleton<ISourceStateStore>(states);
        services.Configure<UpdateBotOptions>(o => configure?.Invoke(o, server));
        services.AddUpdateBotSources(configuration);
        return new SourcesHarness(server, services.BuildServiceProvider(), timeline, states, logs);
    }

    public SourceDefinition Source(string path, string name = "blog") => new()
    {
        Name = name,
        Url = Server.Url(path).AbsoluteUri,
        PollInterval = TimeSpan.FromSeconds(30),
    };

    public Task<(TimeSpan Delay, int Quiet)> PollAsync(SourceDefinition source) => Watcher.PollOnceAsync(source, 0, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
