using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using UpdateBot.ConsoleChat;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Discord;
using UpdateBot.Events;
using UpdateBot.Sources;
using UpdateBot.Sources.Watching;
using UpdateBot.Storage;
using UpdateBot.Telegram;
using UpdateBot.Web;

namespace UpdateBot.Hosting;

/// <summary>The one place the bot is composed: configuration, logging, and each project's services.</summary>
internal static class BotHost
{
    public static IConfigurationManager LoadConfiguration(IConfigurationManager configuration, BotRunSettings settings)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.Local.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddInMemoryCollection(settings.Overrides);
        return configuration;
    }

    public static IHost Build(BotRunSettings settings, ConsoleStreams streams, TimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        LoadConfiguration(builder.Configuration, settings);
        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration));
        builder.Services.AddSystemd();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var configuration = builder.Configuration;
        builder.Services
            .AddUpdateBotCore(configuration)
            .AddUpdateBotStorage(configuration)
            .AddUpdateBotTelegram(configuration)
            .AddUpdateBotDiscord(configuration);

        // The console chat starts before the sources are read, so it is subscribed before the first entries arrive.
        var anyPlatform = builder.Services.Any(d => d.ServiceType == typeof(IChatPlatform));
        if (!anyPlatform || settings.ForceConsole)
        {
            builder.Services.AddSingleton(streams);
            builder.Services.AddSingleton<IChatPlatform, ConsolePlatform>();
            builder.Services.AddSingleton(sp =>
            {
                var console = ActivatorUtilities.CreateInstance<ConsoleChatService>(sp);
                console.WaitForRelease = settings.Once;
                return console;
            });
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsoleChatService>());
        }

        builder.Services
            .AddUpdateBotSources(configuration)
            .AddUpdateBotEvents(configuration)
            .AddUpdateBotDelivery(configuration)
            .AddUpdateBotWeb(configuration);
        if (settings.Once)
        {
            // The one-shot run reads each source itself, once, instead of the watcher's loop.
            var watcher = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SourceWatcher));
            builder.Services.Remove(watcher);
            builder.Services.AddSingleton<SourceWatcher>();
            builder.Services.AddHostedService<OnceRunner>();
        }

        return builder.Build();
    }
}
