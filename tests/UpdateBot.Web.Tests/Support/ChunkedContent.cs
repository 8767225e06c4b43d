using System.Net;

namespace UpdateBot.Web.Tests.Support;

/// <summary>Request content without a Content-Length, so it is sent chunked.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] body;

    public ChunkedContent(byte[] body, string contentType = "application/json")
    {
        this.body = body;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var i = 0; i < body.Length; i += 1000)
        {
            await stream.WriteAsync(body.AsMemory(i, Math.Min(1000, body.Length - i)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
