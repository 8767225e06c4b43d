using System.Text.Json;
using Microsoft.Extensions.Options;
using UpdateBot.Discord.Rest;

namespace UpdateBot.Discord.Gateway;

/// <summary>GET /gateway/bot, cached; the configured GatewayUrl overrides the URL it returns.</summary>
internal sealed class GatewayDirectory(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private GatewayInfo? cached;

    /// <summary>Asks Discord until it answers (with backoff); with GatewayUrl configured, one failed ask is enough.</summary>
    public async Task<GatewayInfo> GetAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is not null)
            {
                return cached;
            }

            var configured = options.Value.GatewayUrl;
            for (var attempt = 0; ; attempt++)
            {
                var response = await rest.SendAsync(new RestRequest(HttpMethod.Get, "gateway/bot") { Retry = true }, cancellationToken);
                if (response.IsSuccess && response.Body is { } body && Read(body, configured) is { } info)
                {
                    return cached = info;
                }

                if (configured is not null)
                {
                    return cached = GatewayInfo.Default(configured);
                }

                if (response.StatusCode == 401)
                {
                    throw new DiscordFatalException("Discord rejected the bot token (HTTP 401 on GET /gateway/bot). Check UpdateBot:Discord:Token.");
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 2 << Math.Min(attempt, 5))), time, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<Uri> GetUrlAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken)).Url;

    private static GatewayInfo? Read(JsonElement body, Uri? configured)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        Uri? url = configured;
        if (url is null && body.TryGetProperty("url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed))
        {
            url = parsed;
        }

        if (url is null)
        {
            return null;
        }

        int? shards = body.TryGetProperty("shards", out var s) && s.TryGetInt32(out var n) && n > 0 ? n : null;
        var remaining = 1000;
        var resetAfter = TimeSpan.FromDays(1);
        var concurrency = 1;
        if (body.TryGetProperty("session_start_limit", out var limit) && limit.ValueKind == JsonValueKind.Object)
        {
            remaining = limit.TryGetProperty("remaining", out var r) && r.TryGetInt32(out var rv) ? rv : remaining;
            resetAfter = limit.TryGetProperty("reset_after", out var ra) && ra.TryGetDouble(out var ms) ? TimeSpan.FromMilliseconds(Math.Max(0, ms)) : resetAfter;
            concurrency = limit.TryGetProperty("max_concurrency", out var mc) && mc.TryGetInt32(out var c) && c > 0 ? c : 1;
        }

        return new GatewayInfo(url, shards, remaining, resetAfter, concurrency);
    }
}
