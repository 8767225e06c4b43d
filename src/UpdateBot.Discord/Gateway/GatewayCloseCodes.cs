namespace UpdateBot.Discord.Gateway;

/// <summary>Gateway close codes and what they mean for reconnecting.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Our own close when reconnecting: anything but 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4900;

    /// <summary>Codes after which reconnecting cannot help; the message says what to fix.</summary>
    public static string? Fatal(int code) => code switch
    {
        4004 => "Discord gateway closed with 4004 (authentication failed): the bot token is wrong. Check UpdateBot:Discord:Token.",
        4010 => "Discord gateway closed with 4010 (invalid shard): check UpdateBot:Discord:ShardIds and ShardCount.",
        4011 => "Discord gateway closed with 4011 (sharding required): set UpdateBot:Discord:ShardCount.",
        4012 => "Discord gateway closed with 4012 (invalid API version).",
        4013 => "Discord gateway closed with 4013 (invalid intents).",
        4014 => "Discord gateway closed with 4014 (disallowed intents): enable the intents in the Developer Portal.",
        _ => null,
    };

    /// <summary>Codes after which the session is gone and a new one must be identified.</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009;
}
