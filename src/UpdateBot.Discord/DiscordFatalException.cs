namespace UpdateBot.Discord;

/// <summary>
/// Discord refused the bot in a way reconnecting cannot fix (bad token, invalid intents, sharding required).
/// Thrown out of the gateway service so the host stops with a clear message.
/// </summary>
public sealed class DiscordFatalException : Exception
{
    public DiscordFatalException()
    {
    }

    public DiscordFatalException(string message)
        : base(message)
    {
    }

    public DiscordFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The gateway close code, when the gateway closed the connection.</summary>
    public int? CloseCode { get; init; }
}
