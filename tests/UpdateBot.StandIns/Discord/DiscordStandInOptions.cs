namespace UpdateBot.StandIns.Discord;

/// <summary>How the Discord stand-in behaves. Defaults follow Discord's documented values.</summary>
public sealed record DiscordStandInOptions
{
    public string Token { get; init; } = "standin-token.abc.def";

    public string ApplicationId { get; init; } = "900000000000000001";

    public string BotUserId { get; init; } = "900000000000000002";

    /// <summary>Hello's heartbeat_interval.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(41.25);

    /// <summary>Split every gateway message into frames of this many bytes (null: one frame per message).</summary>
    public int? FragmentSize { get; init; } = 64;

    /// <summary>Message-create bucket per channel: this many per <see cref="MessageWindow"/>.</summary>
    public int MessageLimit { get; init; } = 5;

    public TimeSpan MessageWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per second per bot outside interaction endpoints.</summary>
    public int GlobalLimit { get; init; } = 50;

    /// <summary>Interactions must get their first answer within this (Discord: 3 s).</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>session_start_limit.remaining handed out by /gateway/bot.</summary>
    public int SessionStartRemaining { get; init; } = 1000;

    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Recommended shard count from /gateway/bot.</summary>
    public int RecommendedShards { get; init; } = 1;

    /// <summary>The first Identify is answered by closing with this code (4004, 4013, 4014...).</summary>
    public int? CloseOnIdentify { get; init; }

    /// <summary>When set, Identify with a different shard count closes with 4010/4011.</summary>
    public int? RequiredShards { get; init; }
}
