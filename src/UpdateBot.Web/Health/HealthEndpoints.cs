using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.Health;

/// <summary>/healthz: the process answers. /readyz: the store answers and every chat platform is connected.</summary>
internal sealed class HealthEndpoints(IEntryStore entries, IEnumerable<IPlatformStatus> platforms, ILogger<HealthEndpoints> logger)
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public static Task LiveAsync(HttpContext context) => Responses.PlainAsync(context, StatusCodes.Status200OK, "ok\n");

    public async Task ReadyAsync(HttpContext context)
    {
        var checks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ready = true;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            timeout.CancelAfter(StoreTimeout);
            try
            {
                await entries.GetLatestAsync(1, 0, timeout.Token);
                checks["store"] = "ok";
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                Log.ReadinessFailed(logger, "store", e);
                checks["store"] = e is OperationCanceledException ? "timeout" : "unreachable";
                ready = false;
            }
        }

        foreach (var platform in platforms)
        {
            checks["platform:" + platform.Platform] = platform.IsConnected ? "connected" : "disconnected";
            ready &= platform.IsConnected;
        }

        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["status"] = ready ? "ready" : "not ready",
            ["checks"] = checks,
        });
        context.Response.Headers.CacheControl = "no-store";
        await Responses.TextAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, "application/json; charset=utf-8", body + "\n");
    }
}
