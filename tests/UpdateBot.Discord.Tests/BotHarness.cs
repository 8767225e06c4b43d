using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Storage;
using UpdateBot.Discord.Gateway;
using UpdateBot.Discord.Tests.Fakes;
using UpdateBot.StandIns.Discord;

namespace UpdateBot.Discord.Tests;

/// <summary>
/// The real bot (core command layer + Discord adapter, composed as the host composes them) against the Discord
/// stand-in, sharing one FakeTimeProvider so heartbeats, deadlines and rate limits move only when a test says so.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string ModeratorId = "700000000000000001";
    public const string ModeratorRoleId = "710000000000000001";
    public const string Channel = "800000000000000001";

    private BotHarness(DiscordStandIn standIn, FakeTimeProvider time, IHost host, ListLoggerProvider logs)
    {
        StandIn = standIn;
        Time = time;
        Host = host;
        Logs = logs;
    }

    public DiscordStandIn StandIn { get; }

    public FakeTimeProvider Time { get; }

    public IHost Host { get; }

    public ListLoggerProvider Logs { get; }

    public IServiceProvider Services => Host.Services;

    public InMemoryEntryStore Entries => Services.GetRequiredService<InMemoryEntryStore>();

    public InMemorySubscriptionStore Subscriptions => Services.GetRequiredService<InMemorySubscriptionStore>();

    public BreakingCommand Breaking => Services.GetRequiredService<BreakingCommand>();

    public SlowCommand Slow => Services.GetRequiredService<SlowCommand>();

    public IChatPlatform Platform => Services.GetServices<IChatPlatform>().Single(p => p.Name == "discord");

    public DiscordStatus Status => Services.GetRequiredService<DiscordStatus>();

    public Task? GatewayTask => Services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single().ExecuteTask;

    public static async Task<BotHarness> StartAsync(
        DiscordStandInOptions? standInOptions = null,
        IDictionary<string, string?>? settings = null,
        bool startGateway = true,
        bool useGatewayBot = false,
        bool realTime = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.Zero));
        TimeProvider clock = realTime ? TimeProvider.System : time;
        var standIn = await DiscordStandIn.StartAsync(standInOptions, clock);
        var config = new Dictionary<string, string?>
        {
            ["UpdateBot:Discord:Token"] = standIn.Options.Token,
            ["UpdateBot:Discord:ApiBaseUrl"] = standIn.ApiBaseUrl.AbsoluteUri,
            ["UpdateBot:Discord:GatewayUrl"] = useGatewayBot ? null : standIn.GatewayUrl.AbsoluteUri,
            ["UpdateBot:Discord:ModeratorRoleIds:0"] = ModeratorRoleId,
            ["UpdateBot:Moderators:Discord:0"] = ModeratorId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new ListLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<InMemoryEntryStore>();
        builder.Services.AddSingleton<IEntryStore>(p => p.GetRequiredService<InMemoryEntryStore>());
        builder.Services.AddSingleton<InMemorySubscriptionStore>();
        builder.Services.AddSingleton<ISubscriptionStore>(p => p.GetRequiredService<InMemorySubscriptionStore>());
        builder.Services.AddSingleton<ISourceStateStore, InMemorySourceStateStore>();
        builder.Services.AddSingleton<IDeliveryBacklog, EmptyDeliveryBacklog>();
        builder.Services.AddSingleton<ITimelineWriter, InMemoryTimelineWriter>();
        builder.Services.AddSingleton<UpdateBot.Core.Moderation.IAuditLog, InMemoryAuditLog>();
        builder.Services.AddSingleton<BreakingCommand>();
        builder.Services.AddSingleton<SlowCommand>();
        builder.Services.AddSingleton<ICommand, EventsCommand>();
        builder.Services.AddSingleton<ICommand>(p => p.GetRequiredService<BreakingCommand>());
        builder.Services.AddSingleton<ICommand>(p => p.GetRequiredService<SlowCommand>());
        builder.Services.AddUpdateBotCore(builder.Configuration);
        builder.Services.AddUpdateBotDiscord(builder.Configuration);
        if (!startGateway)
        {
            var gateway = builder.Services.Single(d => d.ImplementationType == typeof(DiscordGatewayService));
            builder.Services.Remove(gateway);
        }

        var host = builder.Build();
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<DiscordGatewayService>())
        {
            service.Random = () => 0.5;
        }

        await host.StartAsync();
        return new BotHarness(standIn, time, host, logs);
    }

    /// <summary>Waits until the gateway is READY (or RESUMED) on <paramref name="connections"/> connections.</summary>
    public Task<bool> UntilReadyAsync(int connections = 1) => UntilAsync(() => StandIn.ReadyConnections >= connections && Status.ConnectedShards >= connections);

    /// <summary>Waits for <paramref name="condition"/>, moving fake time on by <paramref name="step"/> every few milliseconds.</summary>
    public async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? step = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limit)
            {
                return false;
            }

            if (step is { } advance)
            {
                Time.Advance(advance);
            }

            await Task.Delay(15);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Host.StopAsync(stop.Token);
        }
        catch (DiscordFatalException)
        {
            // A test made Discord refuse the bot.
        }

        Host.Dispose();
        await StandIn.DisposeAsync();
    }
}
