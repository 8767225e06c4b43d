using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Commands.BuiltIn;
using UpdateBot.Core.Commands.Moderation;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Moderation;

namespace UpdateBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The bot's options (validated at start-up), time, moderators, and the command layer with its built-in commands.</summary>
    public static IServiceCollection AddUpdateBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpdateBotOptions>()
            .Bind(configuration.GetSection(UpdateBotOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpdateBotOptions>, UpdateBotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedTimeZones>();
        services.TryAddSingleton<ModeratorPolicy>();
        services.TryAddSingleton<CommandCooldown>();
        services.TryAddSingleton<DraftBox>();
        services.TryAddSingleton<ICommandHandler, CommandDispatcher>();
        services.AddSingleton<ICommand, StartCommand>();
        services.AddSingleton<ICommand, HelpCommand>();
        services.AddSingleton<ICommand, LatestCommand>();
        services.AddSingleton<ICommand, SubscribeCommand>();
        services.AddSingleton<ICommand, UnsubscribeCommand>();
        services.AddSingleton<ICommand, SubscriptionsCommand>();
        services.AddSingleton<ICommand, StatusCommand>();
        services.AddSingleton<ICommand, AboutCommand>();
        services.AddSingleton<ICommand, PostCommand>();
        services.AddSingleton<ICommand, EditCommand>();
        services.AddSingleton<ICommand, RetractCommand>();
        services.AddSingleton<ICommand, AuditCommand>();
        return services;
    }
}
