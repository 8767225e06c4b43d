using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UpdateBot.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="UpdateBotMetrics"/> (and the meter factory it needs); safe to call more than once.</summary>
    public static IServiceCollection AddUpdateBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<UpdateBotMetrics>();
        return services;
    }
}
