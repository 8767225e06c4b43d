using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace UpdateBot.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the delivery engine (UpdateBot:Delivery) as a hosted service that works the outbox of every
    /// <see cref="Chats.IChatPlatform"/> registered in DI. The stores come from AddUpdateBotStorage.
    /// </summary>
    public static IServiceCollection AddUpdateBotDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedTimeZones>();
        services.TryAddSingleton<DeliveryEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveryHostedService>());
        return services;
    }
}
