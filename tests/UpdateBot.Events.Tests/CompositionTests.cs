using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;

namespace UpdateBot.Events.Tests;

public sealed class CompositionTests
{
    [Fact]
    public void AddUpdateBotEvents_registers_the_catalog_places_settings_and_four_commands()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Events:DefaultRadiusKm"] = "30" }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IOptionsMonitor<UpdateBotOptions>>(new OptionsMonitorStub());
        services.AddSingleton<FeedTimeZones>();
        services.AddUpdateBotEvents(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(provider.GetRequiredService<EventIndex>(), provider.GetRequiredService<IEventCatalog>());
        Assert.NotNull(provider.GetRequiredService<IPlaceDirectory>());
        Assert.NotNull(provider.GetRequiredService<IChatSettingsStore>());
        Assert.IsType<UpdateBot.Events.Hosting.InMemoryReminderLog>(provider.GetRequiredService<IReminderLog>());
        Assert.Equal(["events", "home", "remind", "event"], provider.GetServices<ICommand>().Select(c => c.Definition.Name));
        Assert.Equal(30, provider.GetRequiredService<IOptions<UpdateBot.Events.Hosting.EventsOptions>>().Value.DefaultRadiusKm);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["UpdateBot:Events:DefaultRadiusKm"] = "0" }).Build();
        using var provider = new ServiceCollection().AddUpdateBotEvents(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<UpdateBot.Events.Hosting.EventsOptions>>().Value);
    }

    private sealed class OptionsMonitorStub : IOptionsMonitor<UpdateBotOptions>
    {
        public UpdateBotOptions CurrentValue { get; } = new();

        public UpdateBotOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<UpdateBotOptions, string?> listener) => null;
    }
}
