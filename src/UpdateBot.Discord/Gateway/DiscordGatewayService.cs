using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Discord.Interactions;

namespace UpdateBot.Discord.Gateway;

/// <summary>
/// Runs the configured shards, answers interactions, and registers the slash commands once. When Discord refuses the
/// bot for good it throws <see cref="DiscordFatalException"/>, which stops the host with the reason.
/// </summary>
internal sealed partial class DiscordGatewayService(
    GatewayDirectory directory,
    InteractionQueue interactions,
    CommandRegistrar registrar,
    DiscordStatus status,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<DiscordGatewayService>();

    /// <summary>For tests: replaces the heartbeat jitter and op-9 waits.</summary>
    internal Func<double>? Random { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ApplicationId is { } configuredId)
        {
            status.SetApplicationId(configuredId);
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var info = await directory.GetAsync(stopping.Token);
        var count = settings.ShardCount ?? info.Shards ?? 1;
        var shardIds = settings.ShardIds.Count > 0 ? settings.ShardIds.ToList() : Enumerable.Range(0, count).ToList();
        var gate = new IdentifyGate(time);
        gate.Update(info);
        Log.Starting(logger, shardIds.Count, count);

        var tasks = new List<Task> { interactions.RunAsync(stopping.Token), RegisterAsync(stopping.Token) };
        foreach (var shardId in shardIds)
        {
            var shard = new GatewayShard(
                new GatewayShardSettings
                {
                    ShardId = shardId,
                    ShardCount = count,
                    Token = settings.Token!,
                    GatewayUrl = directory.GetUrlAsync,
                    IdentifyGate = gate,
                    Handler = interactions,
                    Status = status,
                    Time = time,
                    Random = Random ?? System.Random.Shared.NextDouble,
                },
                loggers.CreateLogger<GatewayShard>());
            tasks.Add(shard.RunAsync(stopping.Token));
        }

        var everything = Task.WhenAll(tasks);
        var finished = await Task.WhenAny(everything, status.Fatal);
        await stopping.CancelAsync();
        await everything.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (finished == status.Fatal)
        {
            throw new DiscordFatalException(await status.Fatal);
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applicationId = await status.ApplicationIdKnown.WaitAsync(cancellationToken);
            await registrar.RegisterAsync(applicationId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before registering.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 750, Level = LogLevel.Information, Message = "Discord gateway: running {Shards} of {Count} shards")]
        public static partial void Starting(ILogger logger, int shards, int count);
    }
}
