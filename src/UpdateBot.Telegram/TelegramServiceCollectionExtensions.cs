using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Operations;
using UpdateBot.Telegram.Receiving;

namespace UpdateBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    internal const string HttpClientName = "UpdateBot.Telegram";

    /// <summary>
    /// Telegram, when UpdateBot:Telegram:Token is set (otherwise nothing is registered): the Bot API client, the
    /// platform (as <see cref="IChatPlatform"/>), start-up checks, and the long-polling receiver (Polling mode) or
    /// <see cref="TelegramWebhookHandler"/> for the web host to call (Webhook mode). Needs AddUpdateBotCore.
    /// </summary>
    public static IServiceCollection AddUpdateBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelegramOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(TelegramOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<TelegramOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var prefix = PathOf(section[nameof(TelegramOptions.ApiBaseUrl)]);
        var http = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient((provider, client) =>
            {
                // Longer than the long poll, so getUpdates is answered by the server before the client gives up.
                var poll = provider.GetRequiredService<IOptions<TelegramOptions>>().Value.PollTimeoutSeconds;
                client.Timeout = TimeSpan.FromSeconds(poll + 20);
            })

            // The token is in every URL path: no request logging for this client, ever.
            .RemoveAllLoggers();
        if (prefix is not null)
        {
            http.AddHttpMessageHandler(() => new PathPrefixHandler(prefix));
        }

        services.TryAddSingleton(provider => new TokenScrubber(provider.GetRequiredService<IOptions<TelegramOptions>>().Value.Token));
        services.TryAddSingleton<ITelegramBotClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl;

            // One request per call: the delivery engine, not the library, decides when to try again after a 429.
            var clientOptions = new TelegramBotClientOptions(options.Token, baseUrl) { RetryThreshold = 0, RetryCount = 0 };
            var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new TelegramBotClient(clientOptions, httpClient);
        });
        services.TryAddSingleton<TelegramBotIdentity>();
        services.TryAddSingleton(_ => new SentPartsCache());
        services.TryAddSingleton<ChatAdminCache>();
        services.TryAddSingleton<TelegramPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<TelegramPlatform>());
        services.TryAddSingleton<TelegramUpdateRouter>();
        services.TryAddSingleton(provider => new TelegramWebhookHandler(
            provider.GetRequiredService<IOptions<TelegramOptions>>(),
            provider.GetRequiredService<TelegramUpdateRouter>(),
            provider.GetRequiredService<TelegramBotIdentity>(),
            provider.GetRequiredService<TokenScrubber>(),
            provider.GetRequiredService<ILogger<TelegramWebhookHandler>>()));

        services.TryAddSingleton<TelegramConnectionStatus>();
        services.AddSingleton<IPlatformStatus>(provider => provider.GetRequiredService<TelegramConnectionStatus>());

        services.AddHostedService<TelegramStartup>();
        if (section.GetValue(nameof(TelegramOptions.Mode), TelegramMode.Polling) == TelegramMode.Polling)
        {
            services.AddHostedService<TelegramPollingReceiver>();
        }
        else
        {
            // The web host's endpoint finds the adapter through this port.
            services.AddSingleton<ITelegramWebhookHandler>(provider => provider.GetRequiredService<TelegramWebhookHandler>());
        }

        return services;
    }

    private static string? PathOf(string? baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return path.Length == 0 ? null : path;
    }
}
