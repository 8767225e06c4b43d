using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Calendar;
using UpdateBot.Web.Feeds;
using UpdateBot.Web.Health;
using UpdateBot.Web.Hosting;
using UpdateBot.Web.Metrics;
using UpdateBot.Web.StatusPage;
using UpdateBot.Web.Telegram;
using UpdateBot.Web.WebSub;

namespace UpdateBot.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// The web endpoint (UpdateBot:Web) as a hosted service of a generic host: health, metrics, feeds out, the
    /// Telegram webhook, the WebSub subscriber and the status page. Needs IEntryStore and ISourceStateStore; uses
    /// IQueueStats, IPlatformStatus, ITelegramWebhookHandler and IPushedContentSink when they are registered.
    /// Registers <see cref="IWebSubSubscriptions"/> for the feed watcher.
    /// </summary>
    public static IServiceCollection AddUpdateBotWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebOptions>()
            .Bind(configuration.GetSection(WebOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebOptions>, WebOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedTimeZones>();
        services.AddUpdateBotMetrics();
        services.AddHttpClient(WebSubSubscriber.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton<WebServerAddresses>();
        services.TryAddSingleton<MeterCollector>();
        services.TryAddSingleton<WebSubRegistry>();
        services.TryAddSingleton<IWebSubSubscriptions>(sp => sp.GetRequiredService<WebSubRegistry>());

        services.TryAddScoped<HealthEndpoints>();
        services.TryAddScoped<MetricsEndpoint>();
        services.TryAddScoped<FeedEndpoints>();
        services.TryAddScoped<CalendarEndpoint>();
        services.TryAddScoped<TelegramWebhookEndpoint>();
        services.TryAddScoped<WebSubCallbackEndpoint>();
        services.TryAddScoped<StatusPageQuery>();
        services.TryAddScoped<StatusPageEndpoint>();

        services.AddHostedService<WebServer>();
        services.AddHostedService<WebSubSubscriber>();
        return services;
    }
}
