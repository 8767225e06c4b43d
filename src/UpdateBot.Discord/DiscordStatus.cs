using UpdateBot.Core.Operations;

namespace UpdateBot.Discord;

/// <summary>The Discord adapter's health, for /status and for the host: a fatal error stops the gateway service.</summary>
public sealed class DiscordStatus
{
    private readonly TaskCompletionSource<string> fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly UpdateBotMetrics? metrics;
    private int connectedShards;
    private int reconnects;

    public DiscordStatus()
    {
    }

    /// <summary>With the bot's metrics: gateway reconnects (sessions resumed) are counted for /metrics.</summary>
    public DiscordStatus(UpdateBotMetrics metrics) => this.metrics = metrics;

    /// <summary>How many times a shard resumed its session after a drop.</summary>
    public int Reconnects => Volatile.Read(ref reconnects);

    /// <summary>Why Discord cannot be used any more (bad token, forbidden intents); null while healthy.</summary>
    public string? FatalError => fatal.Task.IsCompleted ? fatal.Task.Result : null;

    /// <summary>Completes with the reason when Discord becomes unusable.</summary>
    public Task<string> Fatal => fatal.Task;

    public int ConnectedShards => Volatile.Read(ref connectedShards);

    private readonly TaskCompletionSource<string> applicationId = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The application id, once known (configured or from READY).</summary>
    public string? ApplicationId => applicationId.Task.IsCompleted ? applicationId.Task.Result : null;

    /// <summary>Completes when the application id is known.</summary>
    public Task<string> ApplicationIdKnown => applicationId.Task;

    /// <summary>The bot's own user id, from READY.</summary>
    public string? BotUserId { get; internal set; }

    internal void SetApplicationId(string id) => applicationId.TrySetResult(id);

    internal void ReportFatal(string reason) => fatal.TrySetResult(reason);

    internal void ShardConnected() => Interlocked.Increment(ref connectedShards);

    internal void Reconnected()
    {
        Interlocked.Increment(ref reconnects);
        metrics?.GatewayReconnected("discord");
    }

    internal void ShardDisconnected() => Interlocked.Decrement(ref connectedShards);
}
