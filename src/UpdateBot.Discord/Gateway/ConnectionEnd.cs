namespace UpdateBot.Discord.Gateway;

/// <summary>How one gateway connection ended, and so what the shard does next.</summary>
internal sealed record ConnectionEnd(ConnectionEndKind Kind, int? CloseCode = null, string? Reason = null)
{
    /// <summary>The connection reached READY or RESUMED (so the backoff starts over).</summary>
    public bool Healthy { get; init; }
}
