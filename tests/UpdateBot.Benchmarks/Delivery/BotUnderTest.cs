using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Discord;
using UpdateBot.Storage;
using UpdateBot.Telegram;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>The bot's delivery path as the host composes it: core, storage, delivery engine and the real adapter.</summary>
internal static class BotUnderTest
{
    public const string SourceName = "bench";

    public static IHost Build(string databaseFile, IDictionary<string, string?> platformSettings, LogLevel logLevel = LogLevel.Warning, string? storageProvider = null, string? connectionString = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?>(platformSettings)
        {
            ["UpdateBot:Storage:Provider"] = storageProvider ?? "Sqlite",
            ["UpdateBot:Storage:ConnectionString"] = connectionString ?? $"Data Source={databaseFile}",
        };

        // One id for every run of the single bot (a restart takes its claims back); several instances bring their own.
        settings.TryAdd("UpdateBot:Delivery:InstanceId", "bench");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        builder.Services.AddUpdateBotCore(builder.Configuration);
        builder.Services.AddUpdateBotStorage(builder.Configuration);
        builder.Services.AddUpdateBotDelivery(builder.Configuration);
        builder.Services.AddUpdateBotTelegram(builder.Configuration);
        builder.Services.AddUpdateBotDiscord(builder.Configuration);
        return builder.Build();
    }

    public static async Task SeedSubscriptionsAsync(IServiceProvider services, string platform, IReadOnlyList<string> chats, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<ISubscriptionStore>();
        foreach (var chat in chats)
        {
            await subscriptions.SubscribeAsync(new Subscription { Chat = new ChatAddress(platform, chat), SourceName = SourceName }, cancellationToken);
        }
    }

    public static Task CommitEntryAsync(IServiceProvider services, string entryId, CancellationToken cancellationToken)
    {
        var entry = new Entry
        {
            SourceName = SourceName,
            Id = entryId,
            Published = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Title = "Benchmark entry",
            Text = "Marchers reached the square at noon.\n\nMore to follow.",
        };
        return services.GetRequiredService<ITimelineWriter>().CommitAsync(
            new TimelineBatch(SourceName, [new TimelineChange(ChangeKind.Added, entry, true)], new Dictionary<string, int>()), cancellationToken);
    }

    public static DeliveryEngine Engine(IServiceProvider services) => services.GetRequiredService<DeliveryEngine>();
}
