using Microsoft.AspNetCore.Http;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.StatusPage;

/// <summary>GET /: the status page.</summary>
internal sealed class StatusPageEndpoint(StatusPageQuery query)
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task HandleAsync(HttpContext context)
    {
        var model = await query.LoadAsync(context.RequestAborted);
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        await Responses.TextAsync(context, StatusCodes.Status200OK, "text/html; charset=utf-8", StatusPageRenderer.Render(model));
    }
}
