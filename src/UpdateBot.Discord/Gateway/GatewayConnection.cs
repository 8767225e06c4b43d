using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace UpdateBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection of a shard: Hello, heartbeats with jitter and ACK tracking, Identify or Resume,
/// reassembly of messages split over frames, and the send limits (4096 bytes, 120 per 60 s).
/// </summary>
internal sealed class GatewayConnection(GatewayShard shard, GatewayShardSettings settings, ILogger logger)
{
    private const int MaxPayloadBytes = 4096;

    private readonly GatewaySendLimiter sendLimiter = new(settings.Time);
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private ClientWebSocket? socket;
    private volatile bool awaitingAck;
    private volatile bool zombie;
    private bool healthy;

    public async Task<ConnectionEnd> RunAsync(Uri url, bool resume, CancellationToken cancellationToken)
    {
        using var ws = new ClientWebSocket();
        socket = ws;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? heartbeat = null;
        try
        {
            using (var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), settings.Time))
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, connectTimeout.Token))
            {
                await ws.ConnectAsync(url, connect.Token);
            }

            while (true)
            {
                using var message = await ReceiveAsync(ws, connection.Token);
                if (message is null)
                {
                    return End(ConnectionEndKind.Closed, (int?)ws.CloseStatus, ws.CloseStatusDescription);
                }

                var root = message.RootElement;
                var op = root.TryGetProperty("op", out var o) && o.TryGetInt32(out var opcode) ? opcode : -1;
                switch (op)
                {
                    case 10:
                        var interval = TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                        heartbeat ??= HeartbeatAsync(interval, connection);
                        await StartSessionAsync(resume, connection.Token);
                        break;
                    case 11:
                        awaitingAck = false;
                        break;
                    case 1:
                        await SendHeartbeatAsync(connection.Token);
                        break;
                    case 0:
                        OnDispatch(root);
                        break;
                    case 7:
                        return End(ConnectionEndKind.Reconnect);
                    case 9:
                        var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                        return End(resumable ? ConnectionEndKind.InvalidSessionResumable : ConnectionEndKind.InvalidSession);
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (zombie && !cancellationToken.IsCancellationRequested)
        {
            return End(ConnectionEndKind.Zombie);
        }
        catch (WebSocketException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return zombie ? End(ConnectionEndKind.Zombie) : End(ConnectionEndKind.Dropped, null, exception.WebSocketErrorCode.ToString());
        }
        finally
        {
            await connection.CancelAsync();
            if (heartbeat is not null)
            {
                await heartbeat.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            await CloseAsync(ws, cancellationToken.IsCancellationRequested);
            if (healthy)
            {
                settings.Status.ShardDisconnected();
            }

            socket = null;
        }
    }

    private ConnectionEnd End(ConnectionEndKind kind, int? code = null, string? reason = null) =>
        new(kind, code, reason) { Healthy = healthy };

    private async Task StartSessionAsync(bool resume, CancellationToken cancellationToken)
    {
        if (resume && shard.SessionId is { } sessionId)
        {
            await SendAsync(
                new JsonObject
                {
                    ["op"] = 6,
                    ["d"] = new JsonObject { ["token"] = settings.Token, ["session_id"] = sessionId, ["seq"] = shard.Sequence },
                },
                heartbeat: false,
                cancellationToken);
            return;
        }

        var data = new JsonObject
        {
            ["token"] = settings.Token,
            ["intents"] = GatewayShard.Intents,
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "UpdateBot", ["device"] = "UpdateBot" },
        };
        if (settings.ShardCount > 1 || settings.ShardId > 0)
        {
            data["shard"] = new JsonArray(settings.ShardId, settings.ShardCount);
        }

        await SendAsync(new JsonObject { ["op"] = 2, ["d"] = data }, heartbeat: false, cancellationToken);
    }

    private void OnDispatch(JsonElement root)
    {
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            shard.OnSequence(s.GetInt64());
        }

        var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
        var data = root.TryGetProperty("d", out var d) ? d : default;
        if (type == "READY")
        {
            var sessionId = data.GetProperty("session_id").GetString()!;
            Uri? resumeUrl = data.TryGetProperty("resume_gateway_url", out var r) && r.ValueKind == JsonValueKind.String
                && Uri.TryCreate(r.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
            shard.OnReady(sessionId, resumeUrl);
            if (data.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var appId) && appId.GetString() is { } id)
            {
                settings.Status.SetApplicationId(id);
            }

            if (data.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var userId))
            {
                settings.Status.BotUserId = userId.GetString();
            }

            MarkHealthy();
            GatewayShard.Log.Ready(logger, settings.ShardId);
            return;
        }

        if (type == "RESUMED")
        {
            shard.OnResumed();
            settings.Status.Reconnected();
            MarkHealthy();
            GatewayShard.Log.Resumed(logger, settings.ShardId);
            return;
        }

        try
        {
            settings.Handler.OnDispatch(type, data.Clone(), settings.ShardId);
        }
#pragma warning disable CA1031 // A faulty handler must not end the connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            GatewayShard.Log.DispatchFailed(logger, settings.ShardId, exception);
        }
    }

    private void MarkHealthy()
    {
        if (!healthy)
        {
            healthy = true;
            settings.Status.ShardConnected();
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        var token = connection.Token;
        try
        {
            await Task.Delay(interval * settings.Random(), settings.Time, token);
            while (!token.IsCancellationRequested)
            {
                if (awaitingAck)
                {
                    // No ACK since the last heartbeat: the connection is a zombie. Close it with a code other than
                    // 1000/1001 so the session stays resumable.
                    zombie = true;
                    GatewayShard.Log.Zombie(logger, settings.ShardId);
                    await TryCloseOutputAsync(GatewayCloseCodes.Reconnecting, "no heartbeat ack");
                    await connection.CancelAsync();
                    return;
                }

                await SendHeartbeatAsync(token);
                await Task.Delay(interval, settings.Time, token);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        catch (WebSocketException)
        {
            // The receive loop sees the same failure and reports it.
        }
    }

    private async Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        awaitingAck = true;
        await SendAsync(new JsonObject { ["op"] = 1, ["d"] = shard.Sequence }, heartbeat: true, cancellationToken);
    }

    private async Task SendAsync(JsonObject payload, bool heartbeat, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        if (bytes.Length > MaxPayloadBytes)
        {
            GatewayShard.Log.PayloadTooLarge(logger, settings.ShardId, bytes.Length);
            return;
        }

        await sendLimiter.WaitAsync(heartbeat, cancellationToken);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket!.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private async Task<JsonDocument?> ReceiveAsync(ClientWebSocket ws, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var result = await ws.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > settings.MaxReceiveBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "A gateway message exceeded the size limit.");
            }

            if (result.EndOfMessage)
            {
                try
                {
                    return JsonDocument.Parse(buffer.WrittenMemory);
                }
                catch (JsonException)
                {
                    // Not JSON: ignore this message and read the next one.
                    buffer.Clear();
                }
            }
        }
    }

    private async Task TryCloseOutputAsync(int code, string reason)
    {
        if (socket is not { State: WebSocketState.Open or WebSocketState.CloseReceived } ws)
        {
            return;
        }

        await sendLock.WaitAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), settings.Time);
            await ws.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a broken connection may fail; it is abandoned either way.
        }
        finally
        {
            sendLock.Release();
        }
    }

    private async Task CloseAsync(ClientWebSocket ws, bool shuttingDown)
    {
        // On shutdown 1000 ends the session (the bot goes offline); otherwise a 4xxx code keeps it resumable.
        if (ws.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            socket = ws;
            await TryCloseOutputAsync(shuttingDown ? 1000 : GatewayCloseCodes.Reconnecting, shuttingDown ? "shutting down" : "reconnecting");
        }

        ws.Abort();
    }
}
