using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Chats;
using UpdateBot.Discord.Gateway;
using UpdateBot.Discord.Interactions;
using UpdateBot.Discord.Rest;

namespace UpdateBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The Discord adapter: REST client, gateway service and <see cref="IChatPlatform"/> "discord". Registers nothing
    /// when UpdateBot:Discord:Token is not set. Needs the core (ICommandHandler) registered too.
    /// </summary>
    public static IServiceCollection AddUpdateBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();
        services.TryAddSingleton<DiscordStatus>();
        services.AddSingleton<IPlatformStatus, DiscordPlatformStatus>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<GatewayDirectory>();
        services.TryAddSingleton<InteractionResponder>();
        services.TryAddSingleton<InteractionQueue>();
        services.TryAddSingleton<CommandRegistrar>();
        services.AddSingleton<DiscordPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<DiscordPlatform>());
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }
}
