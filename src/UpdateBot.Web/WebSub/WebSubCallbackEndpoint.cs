using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.WebSub;

/// <summary>
/// /websub/{callbackId}: GET answers hubs' verification of intent (echoing hub.challenge only for a request we made,
/// with the right mode and topic); POST takes content distributions, checks X-Hub-Signature against the
/// subscription's secret and hands verified bodies to <see cref="IPushedContentSink"/>.
/// </summary>
internal sealed class WebSubCallbackEndpoint(
    WebSubRegistry registry,
    IOptions<WebOptions> options,
    UpdateBotMetrics metrics,
    TimeProvider time,
    ILogger<WebSubCallbackEndpoint> logger,
    IPushedContentSink? sink = null)
{
    public async Task VerifyAsync(HttpContext context)
    {
        var id = (string?)context.Request.RouteValues["id"] ?? "";
        var query = context.Request.Query;
        var mode = query["hub.mode"].ToString();
        var topic = query["hub.topic"].ToString();
        if (mode == "denied")
        {
            if (registry.Deny(id, topic, out var denied))
            {
                Log.WebSubDenied(logger, denied, Truncate(query["hub.reason"].ToString()));
                await Responses.PlainAsync(context, StatusCodes.Status200OK, "ok");
                return;
            }

            await Responses.PlainAsync(context, StatusCodes.Status404NotFound, "Unknown subscription.");
            return;
        }

        var challenge = query["hub.challenge"].ToString();
        int? lease = int.TryParse(query["hub.lease_seconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;
        if (mode is not ("subscribe" or "unsubscribe") || challenge.Length == 0)
        {
            await Responses.PlainAsync(context, StatusCodes.Status400BadRequest, "Expected hub.mode and hub.challenge.");
            return;
        }

        if (!registry.Verify(id, mode, topic, lease, out var source, out var reason))
        {
            Log.WebSubVerificationRefused(logger, id, mode, reason);
            await Responses.PlainAsync(context, StatusCodes.Status404NotFound, "Not a pending request of this subscriber.");
            return;
        }

        Log.WebSubVerified(logger, mode, source, lease ?? options.Value.WebSub.LeaseSeconds);
        await Responses.PlainAsync(context, StatusCodes.Status200OK, challenge);
    }

    public async Task ReceiveAsync(HttpContext context)
    {
        var id = (string?)context.Request.RouteValues["id"] ?? "";
        if (registry.FindTarget(id) is not { } target)
        {
            await Responses.PlainAsync(context, StatusCodes.Status404NotFound, "Unknown or expired subscription.");
            return;
        }

        var limit = options.Value.MaxRequestBodyBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            Log.WebSubContentIgnored(logger, target.SourceName, "body too large");
            await Responses.TooLargeAsync(context, limit);
            return;
        }

        // WebSub §8: content with a missing or wrong signature is ignored, yet acknowledged with 2xx so a forger
        // learns nothing; the log and the metric tell operators.
        if (!WebSubSignature.IsValid(context.Request.Headers[WebSubSignature.Header], body, target.Secret))
        {
            metrics.WebSubPush(target.SourceName, "bad-signature");
            Log.WebSubContentIgnored(logger, target.SourceName, "missing or wrong X-Hub-Signature");
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (sink is null)
        {
            metrics.WebSubPush(target.SourceName, "sink-failed");
            await Responses.PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "Not ready for pushed content.");
            return;
        }

        try
        {
            var content = new PushedContent(target.SourceName, target.Topic, context.Request.ContentType, body, time.GetUtcNow());
            await sink.AcceptAsync(content, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            metrics.WebSubPush(target.SourceName, "sink-failed");
            Log.WebSubSinkFailed(logger, target.SourceName, e);
            await Responses.PlainAsync(context, StatusCodes.Status500InternalServerError, "Not taken; retry later.");
            return;
        }

        metrics.WebSubPush(target.SourceName, "accepted");
        Log.WebSubContentAccepted(logger, target.SourceName, body.Length);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200];
}
