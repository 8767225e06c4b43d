using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Events.Filtering;
using UpdateBot.Events.Commands;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The events feature: gazetteer (<see cref="IPlaceDirectory"/>), extractor, in-memory <see cref="EventIndex"/>
    /// (<see cref="IEventCatalog"/>) fed from the entry store, /events, /home, /remind and /event, and an in-memory
    /// <see cref="IChatSettingsStore"/> and <see cref="IReminderLog"/> unless persistent ones are registered (register
    /// the storage first).
    /// </summary>
    public static IServiceCollection AddUpdateBotEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EventsOptions>()
            .Bind(configuration.GetSection(EventsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPlaceDirectory>(_ => Gazetteer.Directory);
        services.TryAddSingleton<EventExtractor>();
        services.TryAddSingleton(sp => new EventIndex(
            sp.GetRequiredService<EventExtractor>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EventsOptions>>().Value.Region));
        services.TryAddSingleton<IEventCatalog>(sp => sp.GetRequiredService<EventIndex>());
        services.TryAddSingleton<IChatSettingsStore, InMemoryChatSettingsStore>();
        services.TryAddSingleton<IReminderLog, InMemoryReminderLog>();
        services.TryAddSingleton<IEntryPlaces, EntryPlaces>();
        services.TryAddSingleton<EventCatalogRefresher>();
        services.AddSingleton<ICommand, EventsCommand>();
        services.AddSingleton<ICommand, HomeCommand>();
        services.AddSingleton<ICommand, RemindCommand>();
        services.AddSingleton<ICommand, EventCommand>();
        services.AddHostedService<EventFeeder>();
        services.AddHostedService<EventReminderService>();
        return services;
    }
}
