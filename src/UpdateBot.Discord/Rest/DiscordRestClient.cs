using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UpdateBot.Discord.Rest;

/// <summary>
/// Discord REST v10 over HttpClient: authorisation, rate limits (buckets, global, 429s), retries of repeatable calls,
/// Cloudflare's HTML error pages, and the invalid-request budget. Never throws for what Discord answers.
/// </summary>
internal sealed partial class DiscordRestClient
{
    public const string HttpClientName = "UpdateBot.Discord";
    public const string UserAgent = "DiscordBot (https://github.com/updatebot/updatebot, 0.1.0)";

    private const int MaxAttempts = 4;
    private static readonly TimeSpan CloudflareDefaultWait = TimeSpan.FromSeconds(60);

    private readonly IHttpClientFactory httpClients;
    private readonly DiscordOptions options;
    private readonly RateLimiter limiter;
    private readonly InvalidRequestBudget budget;
    private readonly DiscordStatus status;
    private readonly TimeProvider time;
    private readonly ILogger<DiscordRestClient> logger;
    private long requests;
    private long rateLimited;

    public DiscordRestClient(
        IHttpClientFactory httpClients,
        IOptions<DiscordOptions> options,
        DiscordStatus status,
        TimeProvider time,
        ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.httpClients = httpClients;
        this.options = options.Value;
        this.status = status;
        this.time = time;
        this.logger = logger;
        limiter = new RateLimiter(time);
        budget = new InvalidRequestBudget(time, this.options.InvalidRequestBudget);
    }

    public long RequestCount => Interlocked.Read(ref requests);

    public long RateLimitedCount => Interlocked.Read(ref rateLimited);

    public int InvalidRequestCount => budget.Count;

    public async Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = RouteKey.Of(request.Method, request.Path);
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendOnceAsync(request, key, cancellationToken);
            var retry = request.Retry && attempt < MaxAttempts
                && response.Outcome is RestOutcome.ServerError or RestOutcome.RateLimited;
            if (!retry)
            {
                return response;
            }

            if (response.Outcome == RestOutcome.ServerError)
            {
                // 0.5 s, 1 s, 2 s: a passing outage, not a loop.
                await Task.Delay(TimeSpan.FromMilliseconds(500 * (1 << (attempt - 1))), time, cancellationToken);
            }
        }
    }

    private async Task<RestResponse> SendOnceAsync(RestRequest request, RouteKey key, CancellationToken cancellationToken)
    {
        if (status.FatalError is { } fatal)
        {
            return new RestResponse(RestOutcome.Refused, 401) { ErrorMessage = fatal };
        }

        if (budget.Stopped(key.Major) is { } stopped)
        {
            return stopped;
        }

        if (!key.Interaction && budget.Exhausted)
        {
            Log.BudgetSpent(logger, budget.Count);
            return new RestResponse(RestOutcome.Refused, 429)
            {
                ErrorMessage = "too many invalid requests in 10 minutes; waiting before asking Discord again",
                RetryAfter = TimeSpan.FromMinutes(1),
            };
        }

        var bucket = limiter.BucketFor(key);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = limiter.WaitFor(bucket, key.Interaction);
            if (wait > TimeSpan.Zero)
            {
                if (request.MaxWait is { } max && wait > max)
                {
                    return new RestResponse(RestOutcome.RateLimited, 429) { RetryAfter = wait, ErrorMessage = "rate-limit bucket is paused" };
                }

                await Task.Delay(wait, time, cancellationToken);
            }

            if (key.Interaction)
            {
                return await ExchangeAsync(request, key, bucket, cancellationToken);
            }

            await limiter.TakeGlobalSlotAsync(cancellationToken);
            try
            {
                return await ExchangeAsync(request, key, bucket, cancellationToken);
            }
            finally
            {
                limiter.ReleaseGlobalSlot();
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private async Task<RestResponse> ExchangeAsync(RestRequest request, RouteKey key, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, BuildUri(request.Path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        Interlocked.Increment(ref requests);
        HttpResponseMessage response;
        string text;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(message, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            Log.RequestFailed(logger, key.Route, exception);
            return new RestResponse(RestOutcome.ServerError, 0) { ErrorMessage = "no answer from Discord: " + exception.GetType().Name };
        }

        using (response)
        {
            limiter.Learn(key, bucket, response.Headers, rateLimited: (int)response.StatusCode == 429);
            return Classify(key, bucket, response, text);
        }
    }

    private RestResponse Classify(RouteKey key, RateLimitBucket bucket, HttpResponseMessage response, string text)
    {
        var code = (int)response.StatusCode;
        var json = TryParse(text, response.Content.Headers.ContentType?.MediaType);
        var errorCode = json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : (int?)null;
        var errorMessage = json is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("message", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (code is >= 200 and < 300)
        {
            budget.Clear(key.Major);
            return new RestResponse(RestOutcome.Success, code) { Body = json };
        }

        if (code == 429)
        {
            return RateLimitedAnswer(key, bucket, response, json, errorCode, errorMessage);
        }

        if (code >= 500 || json is null)
        {
            Log.ServerError(logger, key.Route, code);
            return new RestResponse(code >= 500 ? RestOutcome.ServerError : RestOutcome.ClientError, code)
            {
                ErrorMessage = json is null ? "non-JSON answer (Cloudflare or proxy error page)" : errorMessage,
                ErrorCode = errorCode,
            };
        }

        var answer = new RestResponse(RestOutcome.ClientError, code) { Body = json, ErrorCode = errorCode, ErrorMessage = errorMessage };
        if (code == 401)
        {
            budget.RecordInvalid();
            Log.Unauthorized(logger);
            status.ReportFatal("Discord rejected the bot token (HTTP 401). Check UpdateBot:Discord:Token.");
        }
        else if (code == 403 || (code == 404 && errorCode == 10003))
        {
            if (code == 403)
            {
                budget.RecordInvalid();
            }

            budget.Strike(key.Major, answer);
        }

        return answer;
    }

    private RestResponse RateLimitedAnswer(RouteKey key, RateLimitBucket bucket, HttpResponseMessage response, JsonElement? json, int? errorCode, string? errorMessage)
    {
        Interlocked.Increment(ref rateLimited);
        var scope = RateLimiter.Header(response.Headers, "X-RateLimit-Scope");
        if (!string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase))
        {
            budget.RecordInvalid();
        }

        TimeSpan retryAfter;
        bool global;
        if (json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
        {
            retryAfter = TimeSpan.FromSeconds(Math.Clamp(r.GetDouble(), 0, 3600));
            global = (body.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                || string.Equals(RateLimiter.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
                || string.Equals(scope, "global", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            // Cloudflare's own 429 (an HTML page): it limits the whole IP, so everything waits.
            retryAfter = response.Headers.RetryAfter?.Delta ?? HeaderSeconds(response) ?? CloudflareDefaultWait;
            global = true;
        }

        if (global)
        {
            limiter.PauseGlobal(retryAfter);
        }
        else
        {
            limiter.PauseBucket(key, bucket, retryAfter);
        }

        Log.RateLimited(logger, key.Route, retryAfter.TotalSeconds, global);
        return new RestResponse(RestOutcome.RateLimited, 429)
        {
            RetryAfter = retryAfter,
            Body = json,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage ?? "rate limited",
        };
    }

    private static TimeSpan? HeaderSeconds(HttpResponseMessage response) =>
        RateLimiter.Header(response.Headers, "Retry-After") is { } value
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, 3600))
            : null;

    private Uri BuildUri(string path)
    {
        var root = options.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root + "/v10/" + path.TrimStart('/'));
    }

    private static JsonElement? TryParse(string text, string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(text) || (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Discord REST {Route} failed without an answer")]
        public static partial void RequestFailed(ILogger logger, string route, Exception exception);

        [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Discord REST {Route} answered HTTP {Status}")]
        public static partial void ServerError(ILogger logger, string route, int status);

        [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "Discord rate-limited {Route}: waiting {Seconds:0.###} s (global: {Global})")]
        public static partial void RateLimited(ILogger logger, string route, double seconds, bool global);

        [LoggerMessage(EventId = 603, Level = LogLevel.Critical, Message = "Discord rejected the bot token (HTTP 401); no further requests are sent")]
        public static partial void Unauthorized(ILogger logger);

        [LoggerMessage(EventId = 604, Level = LogLevel.Error, Message = "{Count} invalid Discord requests in 10 minutes: pausing requests to stay clear of a ban")]
        public static partial void BudgetSpent(ILogger logger, int count);
    }
}
