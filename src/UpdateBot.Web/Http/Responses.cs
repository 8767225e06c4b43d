using System.Text;
using Microsoft.AspNetCore.Http;

namespace UpdateBot.Web.Http;

internal static class Responses
{
    public static Task TextAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    public static Task PlainAsync(HttpContext context, int status, string body) =>
        TextAsync(context, status, "text/plain; charset=utf-8", body);

    public static Task BytesAsync(HttpContext context, string contentType, byte[] body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task TooLargeAsync(HttpContext context, long limit) =>
        PlainAsync(context, StatusCodes.Status413PayloadTooLarge, $"Request body larger than {limit} bytes.");

    /// <summary>The base URL for absolute links: the configured public one, else the one this request came to.</summary>
    public static string BaseUrl(HttpContext context, WebOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
}
