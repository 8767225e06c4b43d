using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UpdateBot.StandIns.Discord;

/// <summary>The REST half: authentication, faults, rate limits, and the endpoints the bot uses.</summary>
public sealed partial class DiscordStandIn
{
    private readonly List<StandInRequest> requests = [];
    private readonly List<StandInFault> faults = [];
    private readonly Dictionary<string, (int Count, DateTimeOffset ResetAt)> buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> globalWindow = new();
    private readonly Dictionary<string, int> forbiddenChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonArray> registeredCommands = new(StringComparer.Ordinal);

    /// <summary>Every REST request received, in order.</summary>
    public IReadOnlyList<StandInRequest> Requests
    {
        get
        {
            lock (sync)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Queues a fault for the next matching request(s).</summary>
    public void AddFault(StandInFault fault)
    {
        lock (sync)
        {
            faults.Add(fault);
        }
    }

    /// <summary>From now on every request to this channel gets 403 with <paramref name="code"/> (50001, 50013) or 404 10003.</summary>
    public void ForbidChannel(string channelId, int code = 50013)
    {
        lock (sync)
        {
            forbiddenChannels[channelId] = code;
        }
    }

    /// <summary>The commands last registered globally (guildId null) or in a guild.</summary>
    public JsonArray? RegisteredCommands(string? guildId = null)
    {
        lock (sync)
        {
            return registeredCommands.TryGetValue(guildId ?? "global", out var commands) ? (JsonArray)commands.DeepClone() : null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is "/gateway" or "/gateway-resume")
        {
            await AcceptGatewayAsync(context, path);
            return;
        }

        if (!path.StartsWith("/api/v10/", StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, Error(0, "404: Not Found"));
            return;
        }

        Interlocked.Increment(ref requestCount);
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var route = path["/api/v10/".Length..];
        var method = context.Request.Method;
        var status = await AnswerAsync(context, method, route, body);
        lock (sync)
        {
            requests.Add(new StandInRequest(method, route, body.Length == 0 ? null : body, status, time.GetUtcNow()));
        }
    }

    private async Task<int> AnswerAsync(HttpContext context, string method, string route, string body)
    {
        var segments = route.Split('/');
        var interaction = segments[0] is "interactions" or "webhooks";
        var auth = context.Request.Headers.Authorization.ToString();
        if (!interaction && auth != "Bot " + Options.Token)
        {
            Interlocked.Increment(ref invalidCount);
            return await WriteAsync(context, 401, Error(0, "401: Unauthorized"));
        }

        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot", StringComparison.Ordinal))
        {
            return await WriteAsync(context, 400, Error(40333, "internal network error"));
        }

        JsonNode? json = null;
        if (body.Length > 0)
        {
            if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return await WriteAsync(context, 400, Error(50035, "Invalid Form Body"));
            }

            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return await WriteAsync(context, 400, Error(50109, "The request body contains invalid JSON."));
            }
        }

        var (bucketHash, major, limit, window) = BucketOf(method, segments);
        if (TakeFault(method, route) is { } fault)
        {
            return await WriteFaultAsync(context, fault, bucketHash, limit);
        }

        if (!interaction && GlobalLimited() is { } globalWait)
        {
            return await WriteRateLimitedAsync(context, globalWait, "global", bucketHash, limit, 0);
        }

        var (allowed, remaining, resetAfter) = TakeBucket(bucketHash + ":" + major, limit, window);
        AddBucketHeaders(context, bucketHash, limit, remaining, resetAfter);
        if (!allowed)
        {
            return await WriteRateLimitedAsync(context, resetAfter, "user", bucketHash, limit, remaining);
        }

        if (segments[0] == "channels" && segments.Length > 1)
        {
            int? forbidden;
            lock (sync)
            {
                forbidden = forbiddenChannels.TryGetValue(segments[1], out var code) ? code : null;
            }

            if (forbidden is { } errorCode)
            {
                Interlocked.Increment(ref invalidCount);
                return errorCode == 10003
                    ? await WriteAsync(context, 404, Error(10003, "Unknown Channel"))
                    : await WriteAsync(context, 403, Error(errorCode, errorCode == 50001 ? "Missing Access" : "Missing Permissions"));
            }
        }

        return (method, segments) switch
        {
            ("GET", ["gateway", "bot"]) => await WriteAsync(context, 200, GatewayBot()),
            ("GET", ["gateway"]) => await WriteAsync(context, 200, new JsonObject { ["url"] = GatewayUrl.AbsoluteUri.TrimEnd('/') }),
            ("POST", ["channels", var channel, "messages"]) => await CreateMessageAsync(context, channel, json, "rest", null),
            ("PATCH", ["channels", var channel, "messages", var id]) => await EditMessageAsync(context, channel, id, json),
            ("DELETE", ["channels", var channel, "messages", var id]) => await DeleteMessageAsync(context, channel, id),
            ("PUT", ["applications", var app, "commands"]) => await RegisterAsync(context, app, "global", json),
            ("PUT", ["applications", var app, "guilds", var guild, "commands"]) => await RegisterAsync(context, app, guild, json),
            ("POST", ["interactions", var id, var token, "callback"]) => await CallbackAsync(context, id, token, json),
            ("POST", ["webhooks", var app, var token]) => await FollowUpAsync(context, app, token, json),
            ("PATCH", ["webhooks", var app, var token, "messages", var id]) => await EditOriginalAsync(context, app, token, id, json),
            ("DELETE", ["webhooks", var app, var token, "messages", var id]) => await DeleteOriginalAsync(context, app, token, id),
            _ => await WriteAsync(context, 404, Error(0, "404: Not Found")),
        };
    }

    private JsonObject GatewayBot() => new()
    {
        ["url"] = GatewayUrl.AbsoluteUri.TrimEnd('/'),
        ["shards"] = Options.RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = Math.Max(0, Options.SessionStartRemaining - IdentifyCount),
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = Options.MaxConcurrency,
        },
    };

    private (string Hash, string Major, int Limit, TimeSpan Window) BucketOf(string method, string[] segments)
    {
        var major = segments.Length > 1 && segments[0] is "channels" or "guilds" ? segments[1]
            : segments.Length > 2 && segments[0] is "webhooks" or "interactions" ? segments[1] + "/" + segments[2]
            : "";
        return (method, segments) switch
        {
            ("POST", ["channels", _, "messages"]) => ("80c17d2f203122d936070c88c8d10f33", major, Options.MessageLimit, Options.MessageWindow),
            ("PATCH", ["channels", _, "messages", _]) => ("d0f4a3a8e5b1c2f7a9e6b3c4d5e6f7a8", major, 5, TimeSpan.FromSeconds(5)),
            ("DELETE", ["channels", _, "messages", _]) => ("a06de6a4b3c2d1e0f9a8b7c6d5e4f3a2", major, 5, TimeSpan.FromSeconds(1)),
            (_, ["webhooks", ..]) => ("b9c6f0e3a2d1c4b5a6f7e8d9c0b1a2f3", major, 5, TimeSpan.FromSeconds(2)),
            (_, ["interactions", ..]) => ("c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", major, 5, TimeSpan.FromSeconds(1)),
            _ => ("e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0", major, 50, TimeSpan.FromSeconds(1)),
        };
    }

    private (bool Allowed, int Remaining, TimeSpan ResetAfter) TakeBucket(string key, int limit, TimeSpan window)
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            var state = buckets.TryGetValue(key, out var known) && known.ResetAt > now ? known : (0, now + window);
            if (state.Item1 >= limit)
            {
                buckets[key] = state;
                return (false, 0, state.Item2 - now);
            }

            state = (state.Item1 + 1, state.Item2);
            buckets[key] = state;
            return (true, limit - state.Item1, state.Item2 - now);
        }
    }

    private TimeSpan? GlobalLimited()
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            while (globalWindow.Count > 0 && now - globalWindow.Peek() >= TimeSpan.FromSeconds(1))
            {
                globalWindow.Dequeue();
            }

            if (globalWindow.Count >= Options.GlobalLimit)
            {
                return globalWindow.Peek() + TimeSpan.FromSeconds(1) - now;
            }

            globalWindow.Enqueue(now);
            return null;
        }
    }

    private StandInFault? TakeFault(string method, string route)
    {
        lock (sync)
        {
            var index = faults.FindIndex(f => f.Method == method && route.Contains(f.PathContains, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = faults[index];
            if (fault.Times <= 1)
            {
                faults.RemoveAt(index);
            }
            else
            {
                faults[index] = fault with { Times = fault.Times - 1 };
            }

            return fault;
        }
    }

    private async Task<int> WriteFaultAsync(HttpContext context, StandInFault fault, string bucketHash, int limit)
    {
        var retryAfter = TimeSpan.FromSeconds(fault.RetryAfterSeconds);
        switch (fault.Kind)
        {
            case StandInFaultKind.RateLimited:
                return await WriteRateLimitedAsync(context, retryAfter, "user", bucketHash, limit, 0);
            case StandInFaultKind.GlobalRateLimited:
                return await WriteRateLimitedAsync(context, retryAfter, "global", bucketHash, limit, 0);
            case StandInFaultKind.SharedRateLimited:
                return await WriteRateLimitedAsync(context, retryAfter, "shared", bucketHash, limit, 0);
            case StandInFaultKind.CloudflareHtml429:
                Interlocked.Increment(ref rateLimitedCount);
                Interlocked.Increment(ref invalidCount);
                context.Response.Headers["Retry-After"] = Math.Ceiling(fault.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
                return await WriteHtmlAsync(context, 429, "error code: 1015");
            case StandInFaultKind.BadGatewayHtml:
                return await WriteHtmlAsync(context, 502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>");
            case StandInFaultKind.ServerError:
                return await WriteAsync(context, 500, Error(0, "500: Internal Server Error"));
            case StandInFaultKind.MissingPermissions:
                Interlocked.Increment(ref invalidCount);
                return await WriteAsync(context, 403, Error(50013, "Missing Permissions"));
            case StandInFaultKind.MissingAccess:
                Interlocked.Increment(ref invalidCount);
                return await WriteAsync(context, 403, Error(50001, "Missing Access"));
            case StandInFaultKind.UnknownChannel:
                return await WriteAsync(context, 404, Error(10003, "Unknown Channel"));
            case StandInFaultKind.Hang:
            default:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return 0;
        }
    }

    private async Task<int> WriteRateLimitedAsync(HttpContext context, TimeSpan retryAfter, string scope, string bucketHash, int limit, int remaining)
    {
        Interlocked.Increment(ref rateLimitedCount);
        if (scope != "shared")
        {
            Interlocked.Increment(ref invalidCount);
        }

        var seconds = Math.Round(retryAfter.TotalSeconds, 3);
        AddBucketHeaders(context, bucketHash, limit, remaining, retryAfter);
        context.Response.Headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Scope"] = scope;
        if (scope == "global")
        {
            context.Response.Headers["X-RateLimit-Global"] = "true";
        }

        var message = scope == "shared" ? "The resource is being rate limited." : "You are being rate limited.";
        return await WriteAsync(context, 429, new JsonObject { ["message"] = message, ["retry_after"] = seconds, ["global"] = scope == "global" });
    }

    private void AddBucketHeaders(HttpContext context, string hash, int limit, int remaining, TimeSpan resetAfter)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Bucket"] = hash;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = (Math.Ceiling(resetAfter.TotalMilliseconds) / 1000).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((time.GetUtcNow() + resetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static async Task<int> WriteAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }

        return status;
    }

    private static async Task<int> WriteHtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=UTF-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
        return status;
    }
}
