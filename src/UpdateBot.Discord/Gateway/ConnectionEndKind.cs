namespace UpdateBot.Discord.Gateway;

internal enum ConnectionEndKind
{
    /// <summary>op 7: reconnect and resume.</summary>
    Reconnect,

    /// <summary>op 9 with d:true: resume again.</summary>
    InvalidSessionResumable,

    /// <summary>op 9 with d:false: identify anew after a short random wait.</summary>
    InvalidSession,

    /// <summary>No heartbeat ACK in time: we closed it ourselves.</summary>
    Zombie,

    /// <summary>The server closed with a code.</summary>
    Closed,

    /// <summary>The connection failed or dropped without a close frame.</summary>
    Dropped,
}
