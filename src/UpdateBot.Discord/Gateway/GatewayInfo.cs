namespace UpdateBot.Discord.Gateway;

/// <summary>GET /gateway/bot: where to connect, the recommended shard count, and the identify budget.</summary>
internal sealed record GatewayInfo(Uri Url, int? Shards, int Remaining, TimeSpan ResetAfter, int MaxConcurrency)
{
    public static GatewayInfo Default(Uri url) => new(url, null, 1000, TimeSpan.FromDays(1), 1);
}
