using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UpdateBot.StandIns.Feeds;

/// <summary>
/// A real HTTP server on loopback standing in for live-blog sites, including badly behaved ones: 5xx, hangs,
/// truncated bodies, invalid UTF-8, huge bodies, gzip bombs, redirect loops, 304s. Each path's answer can be
/// changed while the server runs; every request is recorded.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private static readonly Lazy<byte[]> Bomb = new(() => MakeBomb(64L * 1024 * 1024));
    private readonly ConcurrentDictionary<string, FeedResponse> responses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FeedRequest> requests = new();
    private readonly WebApplication app;

    private FeedServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyCollection<FeedRequest> Requests => requests.ToArray();

    public static async Task<FeedServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FeedServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FeedServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path);

    public void Set(string path, FeedResponse response) => responses[path] = response;

    public int Hits(string path) => requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        requests.Enqueue(new FeedRequest(path, context.Request.Headers.UserAgent.ToString(),
            context.Request.Headers.IfNoneMatch.ToString(), context.Request.Headers.IfModifiedSince.ToString()));
        if (!responses.TryGetValue(path, out var response))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var ct = context.RequestAborted;
        switch (response.Behaviour)
        {
            case FeedBehaviour.Hang:
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case FeedBehaviour.RedirectLoop:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = path + (context.Request.QueryString.HasValue ? "" : "?again");
                return;
            default:
                break;
        }

        if (response.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
        }

        if (response.LastModified is { } lastModified)
        {
            context.Response.Headers.LastModified = lastModified.ToString("R");
            if (response.ETag is null && DateTimeOffset.TryParse(context.Request.Headers.IfModifiedSince.ToString(), out var since) && since >= lastModified)
            {
                context.Response.StatusCode = 304;
                return;
            }
        }

        if (response.CacheControl is { } cacheControl)
        {
            context.Response.Headers.CacheControl = cacheControl;
        }

        if (response.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        switch (response.Behaviour)
        {
            case FeedBehaviour.Truncate:
                context.Response.ContentLength = response.Body.Length;
                await context.Response.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), ct);
                await context.Response.Body.FlushAsync(ct);
                context.Abort();
                return;
            case FeedBehaviour.Huge:
                await WriteHugeAsync(context.Response, response.HugeBytes, ct);
                return;
            case FeedBehaviour.GzipBomb:
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.ContentLength = Bomb.Value.Length;
                await context.Response.Body.WriteAsync(Bomb.Value, ct);
                return;
            default:
                var body = response.Body;
                if (response.Gzip)
                {
                    context.Response.Headers.ContentEncoding = "gzip";
                    body = Compress(body);
                }

                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body, ct);
                return;
        }
    }

    private static async Task WriteHugeAsync(HttpResponse response, long total, CancellationToken ct)
    {
        var chunk = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler filler filler filler filler filler</p>\n", 1300)));
        long sent = 0;
        try
        {
            while (sent < total && !ct.IsCancellationRequested)
            {
                var size = (int)Math.Min(chunk.Length, total - sent);
                await response.Body.WriteAsync(chunk.AsMemory(0, size), ct);
                sent += size;
            }
        }
        catch (OperationCanceledException)
        {
            // The client hung up, as it should.
        }
        catch (IOException)
        {
            // Likewise.
        }
    }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    private static byte[] MakeBomb(long size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
