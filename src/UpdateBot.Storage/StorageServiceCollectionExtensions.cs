using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Events;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores on SQLite (default, <c>data/updatebot.db</c>) or PostgreSQL, as configured under
    /// <c>UpdateBot:Storage</c>. The schema is created or migrated at start.
    /// </summary>
    public static IServiceCollection AddUpdateBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqlDatabase>(sp => CreateDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEntryStore, SqlEntryStore>();
        services.TryAddSingleton<ITimelineWriter, SqlTimelineWriter>();
        services.TryAddSingleton<ISubscriptionStore, SqlSubscriptionStore>();
        services.TryAddSingleton<ISourceStateStore, SqlSourceStateStore>();
        services.TryAddSingleton<ISourceLeaseStore, SqlSourceLeaseStore>();
        services.TryAddSingleton<IDeliveryQueue, SqlDeliveryQueue>();
        services.TryAddSingleton<IAuditLog, SqlAuditLog>();
        services.TryAddSingleton<IChatSettingsStore, SqlChatSettingsStore>();
        services.TryAddSingleton<IReminderLog, SqlReminderLog>();
        services.TryAddSingleton<IDestinationHomePlaces, SqlDestinationHomePlaces>();
        services.TryAddSingleton<SqlQueueStats>();
        services.TryAddSingleton<IQueueStats>(sp => sp.GetRequiredService<SqlQueueStats>());
        services.TryAddSingleton<IDeliveryBacklog>(sp => sp.GetRequiredService<SqlQueueStats>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageMigrationService>());
        return services;
    }

    internal static SqlDatabase CreateDatabase(StorageOptions options, TimeProvider time) =>
        options.ParsedProvider switch
        {
            StorageProvider.PostgreSql => new PostgresDatabase(options.ConnectionString, time),
            _ => new SqliteDatabase(options.ConnectionString, time),
        };
}
