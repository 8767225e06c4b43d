using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using UpdateBot.Core.Timeline;
using UpdateBot.Core.Operations;
using UpdateBot.Sources.Push;
using UpdateBot.Sources.Fetching;
using UpdateBot.Sources.Watching;

namespace UpdateBot.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the source reader (HTTP client with a timeout but no retries: the watcher's own backoff retries),
    /// the timeline ingestor and the source watcher. The host binds UpdateBotOptions; the stores come from storage,
    /// and with them the source leases that let several instances share one database (UpdateBot:SourceLeases).
    /// </summary>
    public static IServiceCollection AddUpdateBotSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SourceFetchOptions>()
            .Bind(configuration.GetSection(SourceFetchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SourceLeaseOptions>()
            .Bind(configuration.GetSection(SourceLeaseOptions.SectionName))
            .PostConfigure(o => o.InstanceId = string.IsNullOrWhiteSpace(o.InstanceId) ? configuration["UpdateBot:Delivery:InstanceId"] : o.InstanceId)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(SourceHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var limits = provider.GetRequiredService<IOptions<SourceFetchOptions>>().Value;
                return new SocketsHttpHandler
                {
                    // The reader inflates bodies itself, after checking whether the compressed bytes changed.
                    AutomaticDecompression = DecompressionMethods.None,
                    AllowAutoRedirect = limits.MaxRedirects > 0,
                    MaxAutomaticRedirections = Math.Max(1, limits.MaxRedirects),
                    ConnectTimeout = TimeSpan.FromSeconds(15),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    MaxResponseHeadersLength = 64,
                    UseCookies = false,
                };
            })
            .AddResilienceHandler("sources", (builder, context) =>
            {
                // Only a timeout: retrying here would fight the watcher's backoff and the servers' Retry-After.
                var limits = context.ServiceProvider.GetRequiredService<IOptions<SourceFetchOptions>>().Value;
                builder.AddTimeout(limits.Timeout);

                // The watcher logs one line per failed poll; Polly's own "resilience event" error for the same
                // timeout would be a second.
                builder.ConfigureTelemetry(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            });

        services.TryAddSingleton<ISourceReader, SourceReader>();
        services.TryAddSingleton<TimelineIngestor>();
        services.TryAddSingleton<IPushedContentSink, PushedContentSink>();
        services.AddHostedService<SourceWatcher>();
        return services;
    }
}
