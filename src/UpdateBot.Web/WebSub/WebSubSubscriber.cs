using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UpdateBot.Web.WebSub;

/// <summary>
/// Sends WebSub (un)subscription requests to hubs as the registry makes them due: on discovery, on lease renewal,
/// after failures (with back-off) and when a source's hub changes or goes away.
/// </summary>
internal sealed class WebSubSubscriber(
    WebSubRegistry registry,
    IHttpClientFactory httpClientFactory,
    IOptions<WebOptions> options,
    ILogger<WebSubSubscriber> logger) : BackgroundService
{
    public const string HttpClientName = "UpdateBot.WebSub";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!registry.Enabled)
        {
            Log.WebSubOff(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var request in registry.TakeDue())
                {
                    await SendAsync(request, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.WebSubRoundFailed(logger, e);
            }

            await registry.WaitAsync(options.Value.WebSub.CheckInterval, stoppingToken);
        }
    }

    private async Task SendAsync(WebSubRequest request, CancellationToken cancellationToken)
    {
        var s = request.Subscription;
        var fields = new Dictionary<string, string>
        {
            ["hub.mode"] = request.Mode,
            ["hub.topic"] = s.Topic.AbsoluteUri,
            ["hub.callback"] = registry.CallbackUrl(s),
        };
        if (request.Mode == "subscribe")
        {
            fields["hub.lease_seconds"] = options.Value.WebSub.LeaseSeconds.ToString(CultureInfo.InvariantCulture);
            fields["hub.secret"] = s.Secret;
        }

        Log.WebSubRequest(logger, s.Hub.GetLeftPart(UriPartial.Path), request.Mode, s.SourceName, s.Topic.AbsoluteUri);
        string? failure;
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(s.Hub, content, cancellationToken);
            failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            failure = e.HttpRequestError.ToString();
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = "timeout";
        }

        if (failure is not null)
        {
            var delay = registry.RequestFailed(s, failure);
            Log.WebSubRequestFailed(logger, s.Hub.GetLeftPart(UriPartial.Path), request.Mode, s.SourceName, failure, delay);
        }
    }
}
