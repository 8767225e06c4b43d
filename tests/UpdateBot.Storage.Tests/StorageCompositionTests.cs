using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Events;
using UpdateBot.Core.Storage;
using UpdateBot.Events;

namespace UpdateBot.Storage.Tests;

public sealed class StorageCompositionTests
{
    [Fact]
    public async Task An_unknown_provider_stops_start_up_with_one_line_naming_the_key()
    {
        using var host = Build(new() { ["UpdateBot:Storage:Provider"] = "Oracle" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("UpdateBot:Storage:Provider 'Oracle' is not supported: use 'Sqlite' or 'PostgreSql'.", error.Message);
    }

    [Fact]
    public async Task Sqlite_is_the_default_and_its_folder_and_schema_are_created_at_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "updatebot-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "nested", "bot.db");
        using var host = Build(new() { ["UpdateBot:Storage:ConnectionString"] = $"Data Source={file};Pooling=False" });

        await host.StartAsync();
        var count = await host.Services.GetRequiredService<ISubscriptionStore>().CountAsync(default);
        await host.StopAsync();

        Assert.Equal(0, count);
        Assert.True(File.Exists(file));
        Assert.Equal("Sqlite", host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Registered_before_the_events_feature_the_database_keeps_chat_settings_and_what_reminders_were_sent()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection()
            .AddUpdateBotStorage(configuration)
            .AddUpdateBotEvents(configuration)
            .BuildServiceProvider();

        Assert.IsType<SqlReminderLog>(provider.GetRequiredService<IReminderLog>());
        Assert.IsType<SqlChatSettingsStore>(provider.GetRequiredService<IChatSettingsStore>());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddUpdateBotStorage(builder.Configuration);
        return builder.Build();
    }
}
