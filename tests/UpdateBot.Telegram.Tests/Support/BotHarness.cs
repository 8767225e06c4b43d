using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Storage;
using UpdateBot.StandIns.Telegram;

namespace UpdateBot.Telegram.Tests.Support;

/// <summary>
/// The real adapter in a real host (AddUpdateBotCore + AddUpdateBotTelegram, the real CommandDispatcher) talking
/// to a Telegram stand-in on loopback, with in-memory stores and every log line captured.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly bool ownsServer;

    private BotHarness(TelegramStandIn server, bool ownsServer, IHost host, CapturedLogs logs, InMemoryEntryStore entries, InMemorySubscriptionStore subscriptions)
    {
        this.ownsServer = ownsServer;
        Server = server;
        Host = host;
        Logs = logs;
        Entries = entries;
        Subscriptions = subscriptions;
    }

    public TelegramStandIn Server { get; }

    public IHost Host { get; }

    public CapturedLogs Logs { get; }

    public InMemoryEntryStore Entries { get; }

    public InMemorySubscriptionStore Subscriptions { get; }

    public IChatPlatform Platform => Host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "telegram");

    public static async Task<BotHarness> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        TelegramStandInOptions? standIn = null,
        bool start = true,
        TelegramStandIn? sharedServer = null)
    {
        var server = sharedServer ?? await TelegramStandIn.StartAsync(standIn);
        var settings = new Dictionary<string, string?>
        {
            ["UpdateBot:Telegram:Token"] = server.Token,
            ["UpdateBot:Telegram:ApiBaseUrl"] = server.BaseUrl,
            ["UpdateBot:Telegram:PollTimeoutSeconds"] = "5",
            ["UpdateBot:Sources:0:Name"] = "Live",
            ["UpdateBot:Sources:0:Url"] = "https://example.org/live",
        };
        configure?.Invoke(settings);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var entries = new InMemoryEntryStore();
        var subscriptions = new InMemorySubscriptionStore();
        builder.Services.AddSingleton<IEntryStore>(entries);
        builder.Services.AddSingleton<ISubscriptionStore>(subscriptions);
        builder.Services.AddSingleton<ISourceStateStore>(new InMemorySourceStateStore());
        builder.Services.AddSingleton<ITimelineWriter>(new RecordingTimelineWriter());
        builder.Services.AddSingleton<IAuditLog>(new InMemoryAuditLog());
        builder.Services.AddSingleton<IDeliveryBacklog>(new EmptyDeliveryBacklog());
        builder.Services.AddUpdateBotCore(builder.Configuration);
        builder.Services.AddUpdateBotTelegram(builder.Configuration);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        var harness = new BotHarness(server, sharedServer is null, host, logs, entries, subscriptions);
        if (start)
        {
            try
            {
                await host.StartAsync();
            }
            catch
            {
                await harness.DisposeAsync();
                throw;
            }
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var started = Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested;
        try
        {
            if (started)
            {
                await Host.StopAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping took too long; disposing anyway.
        }

        Host.Dispose();
        if (ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
