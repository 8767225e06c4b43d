using UpdateBot.Core.Operations;

namespace UpdateBot.Discord;

/// <summary>The Discord adapter as /readyz and the status page see it: connected while a gateway shard is up.</summary>
internal sealed class DiscordPlatformStatus(DiscordStatus status) : IPlatformStatus
{
    public string Platform => "discord";

    public bool IsConnected => status.FatalError is null && status.ConnectedShards > 0;

    public string? Detail => status.FatalError ?? $"{status.ConnectedShards} shard(s) connected";
}
