namespace UpdateBot.Core.Operations;

/// <summary>
/// Whether a chat platform adapter is connected (Discord gateway session up, Telegram polling or webhook set).
/// Each adapter registers one; /readyz is ready only when all of them are connected.
/// </summary>
public interface IPlatformStatus
{
    /// <summary>"telegram", "discord", ...</summary>
    string Platform { get; }

    bool IsConnected { get; }

    /// <summary>A short human-readable note ("resuming session", "webhook set"); never a token.</summary>
    string? Detail { get; }
}
