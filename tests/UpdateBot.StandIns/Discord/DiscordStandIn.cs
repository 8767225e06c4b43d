using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UpdateBot.StandIns.Discord;

/// <summary>
/// A loopback Discord: REST v10 under <see cref="ApiBaseUrl"/> and the Gateway (WebSocket) at <see cref="GatewayUrl"/>,
/// in one Kestrel host. It answers like Discord does (rate-limit headers and 429s, validation errors, nonce dedupe,
/// interaction deadlines, gateway Hello/Identify/READY/Resume, op 7, op 9, close codes, fragmented frames) and records
/// everything the bot sent.
/// </summary>
public sealed partial class DiscordStandIn : IAsyncDisposable
{
    private readonly Lock sync = new();
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private long nextId = 1_100_000_000_000_000_000;
    private long requestCount;
    private long rateLimitedCount;
    private long invalidCount;

    private DiscordStandIn(WebApplication app, DiscordStandInOptions options, TimeProvider time)
    {
        this.app = app;
        Options = options;
        this.time = time;
        CloseOnIdentify = options.CloseOnIdentify;
    }

    public DiscordStandInOptions Options { get; }

    /// <summary>http://127.0.0.1:port/api (the bot appends /v10).</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>ws://127.0.0.1:port/gateway, also what /gateway/bot returns.</summary>
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>READY's resume_gateway_url: a distinct path, so tests can tell a resume went there.</summary>
    public Uri ResumeGatewayUrl { get; private set; } = null!;

    public long RequestCount => Interlocked.Read(ref requestCount);

    /// <summary>429 answers given (any kind).</summary>
    public long RateLimitedCount => Interlocked.Read(ref rateLimitedCount);

    /// <summary>401/403/429 answers, as Discord counts them towards its ban (shared 429s excluded).</summary>
    public long InvalidRequestCount => Interlocked.Read(ref invalidCount);

    public static async Task<DiscordStandIn> StartAsync(DiscordStandInOptions? options = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new DiscordStandIn(app, options ?? new DiscordStandInOptions(), time ?? TimeProvider.System);
        app.UseWebSockets();
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        standIn.ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/api");
        standIn.GatewayUrl = new Uri($"ws://127.0.0.1:{port}/gateway");
        standIn.ResumeGatewayUrl = new Uri($"ws://127.0.0.1:{port}/gateway-resume");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await AbortConnectionsAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds; false on timeout.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limit)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    private string NewId()
    {
        return Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonObject Error(int code, string message) => new() { ["message"] = message, ["code"] = code };
}
