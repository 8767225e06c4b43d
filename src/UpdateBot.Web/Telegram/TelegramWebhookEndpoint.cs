using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.Telegram;

/// <summary>
/// POST /telegram/webhook: Telegram's update push. The secret header is checked (constant time) before the body is
/// read; the body is bounded; the update goes to the Telegram adapter through <see cref="ITelegramWebhookHandler"/>.
/// </summary>
internal sealed class TelegramWebhookEndpoint(IOptions<WebOptions> options, ILogger<TelegramWebhookEndpoint> logger, ITelegramWebhookHandler? handler = null)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task HandleAsync(HttpContext context)
    {
        if (handler is null)
        {
            await Responses.PlainAsync(context, StatusCodes.Status404NotFound, "Telegram webhook is not enabled.");
            return;
        }

        if (string.IsNullOrEmpty(handler.SecretToken))
        {
            Log.WebhookRefused(logger, "no secret token is configured");
            await Responses.PlainAsync(context, StatusCodes.Status403Forbidden, "Forbidden.");
            return;
        }

        if (!SecretComparer.Matches(context.Request.Headers[SecretHeader].ToString(), handler.SecretToken))
        {
            Log.WebhookRefused(logger, context.Request.Headers.ContainsKey(SecretHeader) ? "wrong secret token" : "no secret token header");
            await Responses.PlainAsync(context, StatusCodes.Status403Forbidden, "Forbidden.");
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Responses.PlainAsync(context, StatusCodes.Status415UnsupportedMediaType, "Expected application/json.");
            return;
        }

        var limit = options.Value.MaxRequestBodyBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            Log.WebhookRefused(logger, "body too large");
            await Responses.TooLargeAsync(context, limit);
            return;
        }

        bool handled;
        try
        {
            handled = await handler.HandleUpdateAsync(Encoding.UTF8.GetString(body), context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.WebhookFailed(logger, e);
            await Responses.PlainAsync(context, StatusCodes.Status500InternalServerError, "Update not handled; retry later.");
            return;
        }

        if (!handled)
        {
            Log.WebhookRefused(logger, "the body is not a Telegram update");
            await Responses.PlainAsync(context, StatusCodes.Status400BadRequest, "Not a Telegram update.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
