namespace UpdateBot.Discord.Gateway;

/// <summary>What a shard needs from its surroundings.</summary>
internal sealed record GatewayShardSettings
{
    public required int ShardId { get; init; }

    public required int ShardCount { get; init; }

    public required string Token { get; init; }

    /// <summary>The (cached) gateway URL; called again when resuming is not possible.</summary>
    public required Func<CancellationToken, Task<Uri>> GatewayUrl { get; init; }

    public required IdentifyGate IdentifyGate { get; init; }

    public required IGatewayDispatchHandler Handler { get; init; }

    public required DiscordStatus Status { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Uniform in [0, 1): heartbeat jitter and waits after op 9.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>Largest message accepted from the gateway (READY of a big bot is large).</summary>
    public int MaxReceiveBytes { get; init; } = 64 * 1024 * 1024;
}
