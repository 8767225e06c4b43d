using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace UpdateBot.Web.Tests.StandIns;

/// <summary>
/// A WebSub hub on loopback, behaving as W3C WebSub §5–§7 describe: it answers a (un)subscription request with 202,
/// then verifies intent with a GET to the callback (hub.mode, hub.topic, hub.challenge, hub.lease_seconds) and counts
/// the subscription only if the challenge is echoed with a 2xx; it distributes content with X-Hub-Signature.
/// </summary>
public sealed class LoopbackHub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentBag<Task> verifications = [];

    private LoopbackHub(WebApplication app) => this.app = app;

    public Uri HubUrl => new(app.Urls.First() + "/hub");

    /// <summary>Status answered to (un)subscription requests; anything but 202 means no verification follows.</summary>
    public HttpStatusCode RequestStatus { get; set; } = HttpStatusCode.Accepted;

    public int LeaseSeconds { get; set; } = 3600;

    public Channel<IReadOnlyDictionary<string, string>> Requests { get; } = Channel.CreateUnbounded<IReadOnlyDictionary<string, string>>();

    public Channel<VerificationResult> Verifications { get; } = Channel.CreateUnbounded<VerificationResult>();

    /// <summary>Verified subscriptions: callback → (topic, secret).</summary>
    public ConcurrentDictionary<string, (string Topic, string? Secret)> Subscribers { get; } = new();

    public static async Task<LoopbackHub> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var hub = new LoopbackHub(app);
        app.MapPost("/hub", hub.OnRequestAsync);
        await app.StartAsync();
        return hub;
    }

    public sealed record VerificationResult(string Mode, string Callback, string Topic, HttpStatusCode Status, string Body, string Challenge)
    {
        public bool Confirmed => (int)Status is >= 200 and < 300 && Body == Challenge;
    }

    /// <summary>Sends a verification of intent as the hub would, with parameters the test chooses.</summary>
    public async Task<VerificationResult> VerifyAsync(string callback, string mode, string topic, int? leaseSeconds = null)
    {
        var challenge = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var url = callback + (callback.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + $"hub.mode={Uri.EscapeDataString(mode)}&hub.topic={Uri.EscapeDataString(topic)}&hub.challenge={challenge}"
            + (leaseSeconds is { } lease ? $"&hub.lease_seconds={lease}" : "");
        using var response = await client.GetAsync(url);
        return new VerificationResult(mode, callback, topic, response.StatusCode, await response.Content.ReadAsStringAsync(), challenge);
    }

    /// <summary>Distributes content to a subscriber, signed with its secret (or with the header given).</summary>
    public async Task<HttpStatusCode> PublishAsync(string callback, byte[] body, string contentType = "application/atom+xml", string method = "sha256", string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var secret = Subscribers.TryGetValue(callback, out var s) ? s.Secret : null;
        signature ??= secret is null ? null : Sign(method, secret, body);
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature", signature);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public static string Sign(string method, string secret, byte[] body)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var mac = method switch
        {
#pragma warning disable CA5350 // WebSub's sha1 method, tested on purpose.
            "sha1" => HMACSHA1.HashData(key, body),
#pragma warning restore CA5350
            "sha512" => HMACSHA512.HashData(key, body),
            _ => HMACSHA256.HashData(key, body),
        };
        return method + "=" + Convert.ToHexStringLower(mac);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(verifications);
        await app.DisposeAsync();
        client.Dispose();
    }

    private async Task OnRequestAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var status = RequestStatus;
        await Requests.Writer.WriteAsync(fields, context.RequestAborted);
        context.Response.StatusCode = (int)status;
        if (status != HttpStatusCode.Accepted
            || !fields.TryGetValue("hub.callback", out var callback)
            || !fields.TryGetValue("hub.topic", out var topic)
            || !fields.TryGetValue("hub.mode", out var mode))
        {
            return;
        }

        fields.TryGetValue("hub.secret", out var secret);
        context.Response.OnCompleted(() =>
        {
            verifications.Add(VerifyAndRecordAsync(callback, mode, topic, secret));
            return Task.CompletedTask;
        });
    }

    private async Task VerifyAndRecordAsync(string callback, string mode, string topic, string? secret)
    {
        var result = await VerifyAsync(callback, mode, topic, mode == "subscribe" ? LeaseSeconds : null);
        if (result.Confirmed && mode == "subscribe")
        {
            Subscribers[callback] = (topic, secret);
        }
        else if (result.Confirmed)
        {
            Subscribers.TryRemove(callback, out _);
        }

        await Verifications.Writer.WriteAsync(result);
    }
}
