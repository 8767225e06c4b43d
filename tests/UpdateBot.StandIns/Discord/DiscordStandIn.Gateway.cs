using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UpdateBot.StandIns.Discord;

/// <summary>The Gateway half: Hello, heartbeats, Identify/READY, Resume with replay, op 7, op 9, close codes, interactions.</summary>
public sealed partial class DiscordStandIn
{
    private readonly Dictionary<string, GatewaySession> sessions = new(StringComparer.Ordinal);
    private readonly List<GatewayPeer> peers = [];
    private readonly List<int> clientCloseCodes = [];
    private readonly List<string> connectionPaths = [];
    private readonly List<JsonObject> identifies = [];
    private readonly List<long?> heartbeatSequences = [];
    private readonly SemaphoreSlim dispatchLock = new(1, 1);
    private int identifyCount;
    private int resumeCount;
    private int heartbeatCount;
    private volatile bool ackHeartbeats = true;

    /// <summary>When false, heartbeats are no longer ACKed (the bot should find the connection zombied).</summary>
    public bool AckHeartbeats
    {
        get => ackHeartbeats;
        set => ackHeartbeats = value;
    }

    /// <summary>When set, the next Identify is answered by closing with this code (4004, 4013, 4014...).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>The "d" of every heartbeat received (the bot's last sequence number).</summary>
    public IReadOnlyList<long?> HeartbeatSequences
    {
        get
        {
            lock (sync)
            {
                return heartbeatSequences.ToList();
            }
        }
    }

    public int IdentifyCount => Volatile.Read(ref identifyCount);

    public int ResumeCount => Volatile.Read(ref resumeCount);

    public int HeartbeatCount => Volatile.Read(ref heartbeatCount);

    public IReadOnlyList<int> ClientCloseCodes
    {
        get
        {
            lock (sync)
            {
                return clientCloseCodes.ToList();
            }
        }
    }

    /// <summary>The path of every gateway connection ("/gateway" or "/gateway-resume"), in order.</summary>
    public IReadOnlyList<string> ConnectionPaths
    {
        get
        {
            lock (sync)
            {
                return connectionPaths.ToList();
            }
        }
    }

    /// <summary>Identify payloads' "d" with the token removed.</summary>
    public IReadOnlyList<JsonObject> Identifies
    {
        get
        {
            lock (sync)
            {
                return identifies.Select(i => (JsonObject)i.DeepClone()).ToList();
            }
        }
    }

    /// <summary>Connections that identified or resumed and are still open.</summary>
    public int ReadyConnections
    {
        get
        {
            lock (sync)
            {
                return peers.Count(p => p.Session is not null && p.Socket.State == WebSocketState.Open);
            }
        }
    }

    /// <summary>Sends op 7 Reconnect to every connection, then closes them shortly after, as Discord does.</summary>
    public async Task SendReconnectAsync()
    {
        var told = Peers();
        foreach (var peer in told)
        {
            await SendAsync(peer, new JsonObject { ["op"] = 7, ["d"] = null });
        }

        await Task.Delay(200);
        foreach (var peer in told)
        {
            peer.Socket.Abort();
        }
    }

    /// <summary>Sends op 9 Invalid Session; with <paramref name="resumable"/> false the session is gone.</summary>
    public async Task InvalidateSessionAsync(bool resumable)
    {
        foreach (var peer in Peers())
        {
            if (!resumable && peer.Session is { } session)
            {
                session.Valid = false;
            }

            await SendAsync(peer, new JsonObject { ["op"] = 9, ["d"] = resumable });
        }
    }

    /// <summary>Drops every connection without a close frame (a TCP reset, as in an outage).</summary>
    public Task DropConnectionsAsync() => AbortConnectionsAsync();

    /// <summary>Closes every connection with a close code.</summary>
    public async Task CloseConnectionsAsync(int code, string reason)
    {
        foreach (var peer in Peers())
        {
            try
            {
                await peer.Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Sends op 1: the bot must heartbeat at once.</summary>
    public async Task RequestHeartbeatAsync()
    {
        foreach (var peer in Peers())
        {
            await SendAsync(peer, new JsonObject { ["op"] = 1, ["d"] = null });
        }
    }

    /// <summary>Dispatches a slash command; returns the interaction id.</summary>
    public Task<string> InjectCommandAsync(StandInUser user, string channelId, string name, params (string Name, object Value)[] options) =>
        InjectAsync(user, channelId, 2, new JsonObject { ["id"] = NewId(), ["name"] = name, ["type"] = 1, ["options"] = OptionArray(options, null) }, null);

    /// <summary>Dispatches an autocomplete interaction with <paramref name="focused"/> being typed.</summary>
    public Task<string> InjectAutocompleteAsync(StandInUser user, string channelId, string name, string focused, string partial, params (string Name, object Value)[] options) =>
        InjectAsync(user, channelId, 4, new JsonObject { ["id"] = NewId(), ["name"] = name, ["type"] = 1, ["options"] = OptionArray([.. options, (focused, partial)], focused) }, null);

    /// <summary>Dispatches a button press on a message; returns the interaction id.</summary>
    public Task<string> InjectButtonAsync(StandInUser user, string channelId, string messageId, string customId) =>
        InjectAsync(user, channelId, 3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, messageId);

    private async Task<string> InjectAsync(StandInUser user, string channelId, int type, JsonObject data, string? messageId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = NewId();
        var token = "itoken-" + id + "-" + Guid.NewGuid().ToString("N");
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = Options.ApplicationId,
            ["type"] = type,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = "1000000000000000001",
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 0 },
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = user.Id, ["username"] = user.Username, ["global_name"] = user.Username },
                ["roles"] = new JsonArray(user.Roles.Select(r => (JsonNode?)r).ToArray()),
                ["permissions"] = user.Permissions,
            },
            ["app_permissions"] = "2147483647",
            ["locale"] = "en-GB",
            ["context"] = 0,
            ["data"] = data,
        };
        if (messageId is not null)
        {
            payload["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = channelId };
        }

        lock (sync)
        {
            interactions[id] = new StandInInteraction
            {
                Id = id,
                Token = token,
                Type = type,
                ChannelId = channelId,
                CreatedAt = time.GetUtcNow(),
                ComponentMessageId = messageId,
            };
        }

        await DispatchAsync("INTERACTION_CREATE", payload);
        return id;
    }

    private static JsonArray OptionArray((string Name, object Value)[] options, string? focused)
    {
        var array = new JsonArray();
        foreach (var (name, value) in options)
        {
            var (type, node) = value switch
            {
                bool b => (5, (JsonNode)b),
                int i => (4, (JsonNode)i),
                long l => (4, (JsonNode)l),
                double d => (10, (JsonNode)d),
                _ => (3, (JsonNode)(value.ToString() ?? "")),
            };
            var option = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = node };
            if (name == focused)
            {
                option["focused"] = true;
            }

            array.Add(option);
        }

        return array;
    }

    /// <summary>Sends a dispatch to the newest valid session (and records it for replay), live or not.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        await dispatchLock.WaitAsync();
        try
        {
            GatewaySession? session;
            GatewayPeer? live;
            string json;
            lock (sync)
            {
                session = sessions.Values.LastOrDefault(s => s.Valid);
                if (session is null)
                {
                    return;
                }

                session.Sequence++;
                json = new JsonObject { ["op"] = 0, ["s"] = session.Sequence, ["t"] = type, ["d"] = data.DeepClone() }.ToJsonString();
                session.Events.Add((session.Sequence, json));
                live = peers.LastOrDefault(p => p.Session == session && p.Socket.State == WebSocketState.Open);
            }

            if (live is not null)
            {
                await SendRawAsync(live, json);
            }
        }
        finally
        {
            dispatchLock.Release();
        }
    }

    private List<GatewayPeer> Peers()
    {
        lock (sync)
        {
            return peers.Where(p => p.Socket.State == WebSocketState.Open).ToList();
        }
    }

    private Task AbortConnectionsAsync()
    {
        List<GatewayPeer> all;
        lock (sync)
        {
            all = peers.ToList();
        }

        foreach (var peer in all)
        {
            peer.Socket.Abort();
        }

        return Task.CompletedTask;
    }

    private async Task AcceptGatewayAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var peer = new GatewayPeer(socket, path);
        lock (sync)
        {
            peers.Add(peer);
            connectionPaths.Add(path);
        }

        try
        {
            if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)4012, "Invalid API version", CancellationToken.None);
                return;
            }

            await SendAsync(peer, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = Options.HeartbeatInterval.TotalMilliseconds } });
            while (socket.State == WebSocketState.Open)
            {
                var (bytes, closed) = await ReceiveAsync(socket);
                if (closed)
                {
                    lock (sync)
                    {
                        clientCloseCodes.Add((int?)socket.CloseStatus ?? 1005);
                    }

                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return;
                }

                if (!await HandleGatewayMessageAsync(peer, bytes))
                {
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
            // The bot dropped the connection, or a test aborted it.
        }
        catch (OperationCanceledException)
        {
            // The stand-in is stopping.
        }
        finally
        {
            lock (sync)
            {
                peers.Remove(peer);
            }
        }
    }

    /// <summary>Handles one client payload; false when the connection was closed because of it.</summary>
    private async Task<bool> HandleGatewayMessageAsync(GatewayPeer peer, byte[] bytes)
    {
        if (bytes.Length > 4096)
        {
            return await CloseAsync(peer, 4002, "Payload too large");
        }

        lock (sync)
        {
            var now = time.GetUtcNow();
            peer.Received.Enqueue(now);
            while (peer.Received.Count > 0 && now - peer.Received.Peek() >= TimeSpan.FromSeconds(60))
            {
                peer.Received.Dequeue();
            }
        }

        if (peer.Received.Count > 120)
        {
            return await CloseAsync(peer, 4008, "Rate limited.");
        }

        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(bytes) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return await CloseAsync(peer, 4002, "Error while decoding payload.");
        }

        var op = payload["op"]?.GetValue<int>() ?? -1;
        var data = payload["d"];
        switch (op)
        {
            case 1:
                lock (sync)
                {
                    heartbeatSequences.Add(data is JsonValue value ? value.GetValue<long>() : null);
                }

                Interlocked.Increment(ref heartbeatCount);
                if (ackHeartbeats)
                {
                    await SendAsync(peer, new JsonObject { ["op"] = 11 });
                }

                return true;
            case 2:
                return await IdentifyAsync(peer, data as JsonObject);
            case 6:
                return await ResumeAsync(peer, data as JsonObject);
            default:
                return peer.Session is not null || await CloseAsync(peer, peer.Identified ? 4001 : 4003, "Not authenticated.");
        }
    }

    private async Task<bool> IdentifyAsync(GatewayPeer peer, JsonObject? data)
    {
        if (peer.Identified)
        {
            return await CloseAsync(peer, 4005, "Already authenticated.");
        }

        if (data?["token"]?.GetValue<string>() != Options.Token)
        {
            return await CloseAsync(peer, 4004, "Authentication failed.");
        }

        var intents = data["intents"]?.GetValue<long>() ?? -1;
        var shard = data["shard"] as JsonArray;
        var shardId = shard?[0]?.GetValue<int>() ?? 0;
        var shardCount = shard?[1]?.GetValue<int>() ?? 1;
        lock (sync)
        {
            var copy = (JsonObject)data.DeepClone();
            copy.Remove("token");
            identifies.Add(copy);
        }

        Interlocked.Increment(ref identifyCount);
        if (CloseOnIdentify is { } code)
        {
            CloseOnIdentify = null;
            return await CloseAsync(peer, code, "Refused by the test.");
        }

        if (intents < 0 || intents >= 1 << 26)
        {
            return await CloseAsync(peer, 4013, "Invalid intent(s).");
        }

        if ((intents & ((1 << 1) | (1 << 8) | (1 << 15))) != 0)
        {
            return await CloseAsync(peer, 4014, "Disallowed intent(s).");
        }

        if (Options.RequiredShards is { } required && shardCount < required)
        {
            return await CloseAsync(peer, 4011, "Sharding required.");
        }

        if (shardId < 0 || shardId >= shardCount)
        {
            return await CloseAsync(peer, 4010, "Invalid shard.");
        }

        if (IdentifyCount > Options.SessionStartRemaining)
        {
            await SendAsync(peer, new JsonObject { ["op"] = 9, ["d"] = false });
            return true;
        }

        var session = new GatewaySession(Guid.NewGuid().ToString("N"), shardId);
        lock (sync)
        {
            sessions[session.Id] = session;
            peer.Session = session;
            peer.Identified = true;
        }

        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "UpdateBot", ["bot"] = true, ["discriminator"] = "0" },
            // A realistic READY is large: many unavailable guilds. It arrives in many frames.
            ["guilds"] = new JsonArray(Enumerable.Range(0, 60).Select(i => (JsonNode?)new JsonObject { ["id"] = (1_000_000_000_000_000_001L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ["unavailable"] = true }).ToArray()),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeGatewayUrl.AbsoluteUri.TrimEnd('/'),
            ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
        };
        if (shard is not null)
        {
            ready["shard"] = new JsonArray(shardId, shardCount);
        }

        await dispatchLock.WaitAsync();
        try
        {
            string json;
            lock (sync)
            {
                session.Sequence++;
                json = new JsonObject { ["op"] = 0, ["s"] = session.Sequence, ["t"] = "READY", ["d"] = ready }.ToJsonString();
            }

            await SendRawAsync(peer, json);
        }
        finally
        {
            dispatchLock.Release();
        }

        return true;
    }

    private async Task<bool> ResumeAsync(GatewayPeer peer, JsonObject? data)
    {
        if (data?["token"]?.GetValue<string>() != Options.Token)
        {
            return await CloseAsync(peer, 4004, "Authentication failed.");
        }

        var sessionId = data["session_id"]?.GetValue<string>() ?? "";
        var seq = data["seq"]?.GetValue<long>() ?? -1;
        Interlocked.Increment(ref resumeCount);
        GatewaySession? session;
        lock (sync)
        {
            session = sessions.TryGetValue(sessionId, out var known) && known.Valid ? known : null;
        }

        if (session is null)
        {
            await SendAsync(peer, new JsonObject { ["op"] = 9, ["d"] = false });
            return true;
        }

        if (seq > session.Sequence || seq < 0)
        {
            return await CloseAsync(peer, 4007, "Invalid seq.");
        }

        await dispatchLock.WaitAsync();
        try
        {
            List<string> replay;
            string resumed;
            lock (sync)
            {
                foreach (var other in peers.Where(p => p != peer && p.Session == session))
                {
                    other.Session = null;
                    other.Socket.Abort();
                }

                peer.Session = session;
                peer.Identified = true;
                replay = session.Events.Where(e => e.Sequence > seq).Select(e => e.Json).ToList();
                session.Sequence++;
                resumed = new JsonObject { ["op"] = 0, ["s"] = session.Sequence, ["t"] = "RESUMED", ["d"] = new JsonObject() }.ToJsonString();
            }

            foreach (var json in replay)
            {
                await SendRawAsync(peer, json);
            }

            await SendRawAsync(peer, resumed);
        }
        finally
        {
            dispatchLock.Release();
        }

        return true;
    }

    private static async Task<bool> CloseAsync(GatewayPeer peer, int code, string reason)
    {
        try
        {
            await peer.Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }

        return false;
    }

    private Task SendAsync(GatewayPeer peer, JsonObject payload) => SendRawAsync(peer, payload.ToJsonString());

    private async Task SendRawAsync(GatewayPeer peer, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = Options.FragmentSize is > 0 and var fragment ? fragment : bytes.Length;
        await peer.SendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await peer.Socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            // The connection is gone; replay on resume covers dispatches.
        }
        finally
        {
            peer.SendLock.Release();
        }
    }

    private static async Task<(byte[] Bytes, bool Closed)> ReceiveAsync(WebSocket socket)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return ([], true);
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return (buffer.WrittenSpan.ToArray(), false);
            }
        }
    }
}
