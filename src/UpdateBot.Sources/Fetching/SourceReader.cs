using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using UpdateBot.Core;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;

namespace UpdateBot.Sources.Fetching;

/// <summary>
/// Reads a source once: an http(s) URL with a conditional GET (ETag / If-Modified-Since), or a local file. The body
/// is capped while streaming (after decompression), hashed, and parsed only when its hash changed.
/// </summary>
internal sealed class SourceReader(
    IHttpClientFactory httpClientFactory,
    IOptions<SourceFetchOptions> fetchOptions,
    IOptions<UpdateBotOptions> botOptions,
    TimeProvider timeProvider) : ISourceReader
{
    private const string Accept =
        "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5";

    public async Task<SourceReadResult> ReadAsync(SourceDefinition source, SourceState? state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var limits = fetchOptions.Value;
        using var timeout = new CancellationTokenSource(limits.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return IsHttp(source.Url, out var uri)
                ? await ReadHttpAsync(source, uri, state, limits, linked.Token)
                : await ReadFileAsync(source, state, limits, linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SourceReadResult.Failed($"timed out after {limits.Timeout.TotalSeconds:0.#} s");
        }
        catch (TimeoutRejectedException)
        {
            return new SourceReadResult.Failed($"timed out after {limits.Timeout.TotalSeconds:0.#} s");
        }
        catch (BodyTooLargeException e)
        {
            return new SourceReadResult.Failed(e.Message);
        }
        catch (InvalidDataException e)
        {
            return new SourceReadResult.Failed($"invalid compressed body ({e.Message})");
        }
        catch (HttpRequestException e)
        {
            return new SourceReadResult.Failed($"cannot fetch: {OneLine(e)}");
        }
        catch (IOException e)
        {
            return new SourceReadResult.Failed($"cannot read: {OneLine(e)}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new SourceReadResult.Failed($"cannot read: {e.Message}");
        }
    }

    private async Task<SourceReadResult> ReadHttpAsync(SourceDefinition source, Uri uri, SourceState? state, SourceFetchOptions limits, CancellationToken ct)
    {
        var client = httpClientFactory.CreateClient(SourceHttp.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        // Constant, valid values: added without parsing them again on every poll.
        request.Headers.TryAddWithoutValidation("User-Agent", SourceHttp.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", ContentCoding.Accepted);
        if (state?.ETag is { Length: > 0 } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (state?.LastModified is { Length: > 0 } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var maxAge = response.Headers.CacheControl?.MaxAge;
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        var newEtag = response.Headers.ETag?.ToString() ?? state?.ETag;
        var newLastModified = response.Content.Headers.LastModified?.ToString("R") ?? state?.LastModified;

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new SourceReadResult.Unchanged(newEtag, newLastModified) { MaxAge = maxAge };
        }

        if ((int)response.StatusCode is >= 300 and < 400)
        {
            return new SourceReadResult.Failed($"too many redirects (more than {limits.MaxRedirects}) or a redirect without a target (HTTP {(int)response.StatusCode})");
        }

        if (!response.IsSuccessStatusCode)
        {
            return new SourceReadResult.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd()) { RetryAfter = retryAfter };
        }

        if (response.Content.Headers.ContentLength is { } length && length > limits.MaxBodyBytes)
        {
            return new SourceReadResult.Failed($"body larger than {BoundedBody.Describe(limits.MaxBodyBytes)} (Content-Length {length})");
        }

        if (!ContentCoding.TryRead(response.Content.Headers.ContentEncoding, out var coding))
        {
            return new SourceReadResult.Failed($"unsupported Content-Encoding '{string.Join(", ", response.Content.Headers.ContentEncoding)}'");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var raw = await BoundedBody.ReadAsync(stream, limits.MaxBodyBytes, response.Content.Headers.ContentLength, ct);
        var contentType = response.Content.Headers.ContentType?.ToString();
        var baseUrl = response.RequestMessage?.RequestUri ?? uri;
        if (coding == BodyCoding.Identity)
        {
            return Finish(source, state, raw, BodyHash.Of(raw.Span), contentType, baseUrl, response.Content.Headers.LastModified, newEtag, newLastModified, maxAge);
        }

        // A compressed body is recognised as unchanged by its compressed bytes, without inflating it. The stored hash
        // also holds the inflated body's, so a server that compresses the same page differently each time is still
        // recognised (after inflating), as before.
        var rawHash = BodyHash.Of(raw.Span);
        var stored = state is { Initialized: true } ? BodyHash.Split(state.BodyHash) : default;
        if (string.Equals(stored.Raw, rawHash, StringComparison.Ordinal))
        {
            return new SourceReadResult.Unchanged(newEtag, newLastModified) { MaxAge = maxAge };
        }

        await using var inflating = ContentCoding.Decompress(coding, raw.AsStream());
        using var body = await BoundedBody.ReadAsync(inflating, limits.MaxBodyBytes, null, ct);
        var bodyHash = BodyHash.Of(body.Span);
        if (string.Equals(stored.Body, bodyHash, StringComparison.Ordinal))
        {
            return new SourceReadResult.Unchanged(newEtag, newLastModified) { MaxAge = maxAge };
        }

        return Finish(source, state, body, BodyHash.Join(rawHash, bodyHash), contentType, baseUrl, response.Content.Headers.LastModified, newEtag, newLastModified, maxAge);
    }

    private async Task<SourceReadResult> ReadFileAsync(SourceDefinition source, SourceState? state, SourceFetchOptions limits, CancellationToken ct)
    {
        var path = source.Url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(source.Url).LocalPath : source.Url;
        if (!File.Exists(path))
        {
            return new SourceReadResult.Failed($"no such file: {path}");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, useAsync: true);
        using var body = await BoundedBody.ReadAsync(stream, limits.MaxBodyBytes, stream.Length, ct);
        return Finish(source, state, body, BodyHash.Of(body.Span), ContentTypeOf(path), null, null, null, null, null);
    }

    private SourceReadResult Finish(SourceDefinition source, SourceState? state, PooledBody body, string hash, string? contentType, Uri? baseUrl,
        DateTimeOffset? lastModified, string? etag, string? lastModifiedHeader, TimeSpan? maxAge)
    {
        // An unchanged body (same hash as last time) is neither decoded nor parsed.
        if (state is { Initialized: true } && string.Equals(state.BodyHash, hash, StringComparison.Ordinal))
        {
            return new SourceReadResult.Unchanged(etag, lastModifiedHeader) { MaxAge = maxAge };
        }

        var zoneId = source.TimeZone ?? botOptions.Value.TimeZone;
        var zone = TimeZones.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var options = new ParseOptions(timeProvider.GetUtcNow(), zone, source.Format, source.Name)
        {
            LastModified = lastModified,
            KnownLiveBlog = state is { Initialized: true, EntriesSeen: > 0, Kind: null or FeedKind.LiveBlog },
        };
        var snapshot = FeedParser.Parse(body.Span, contentType, baseUrl, options);
        return new SourceReadResult.Snapshot(snapshot, etag, lastModifiedHeader, hash) { MaxAge = maxAge };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static bool IsHttp(string url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".xml" or ".rss" or ".atom" => "application/xml",
        ".json" => "application/json",
        ".txt" => "text/plain",
        _ => null,
    };

    private static string OneLine(Exception e)
    {
        var message = e.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && inner.Message != e.Message
            ? $"{e.Message} ({inner.Message})"
            : e.Message;
        return message.ReplaceLineEndings(" ");
    }
}
