using System.Net.WebSockets;

namespace UpdateBot.StandIns.Discord;

/// <summary>One live gateway connection of the stand-in.</summary>
internal sealed class GatewayPeer(WebSocket socket, string path)
{
    public WebSocket Socket { get; } = socket;

    public string Path { get; } = path;

    public SemaphoreSlim SendLock { get; } = new(1, 1);

    public GatewaySession? Session { get; set; }

    public bool Identified { get; set; }

    public Queue<DateTimeOffset> Received { get; } = new();
}
