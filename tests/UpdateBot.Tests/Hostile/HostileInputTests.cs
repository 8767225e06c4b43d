using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;
using UpdateBot.Discord.Messages;
using UpdateBot.Storage;
using UpdateBot.Telegram.Rendering;

namespace UpdateBot.Tests.Hostile;

/// <summary>
/// Over a thousand hostile commands go through the real command layer (on a real SQLite store) and the platform
/// renderers: nothing throws, every Telegram part is valid HTML within the limit, every Discord payload restricts
/// mentions and fits Discord's limits, and no text can ping anyone.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string Moderator = "42";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "updatebot-hostile", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2016, 6, 28, 9, 0, 0, TimeSpan.Zero));
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UpdateBot:Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bot.db")}",
            ["UpdateBot:Sources:0:Name"] = "leeds",
            ["UpdateBot:Sources:0:Url"] = "https://example.org/live",
            ["UpdateBot:Moderators:Telegram:0"] = Moderator,
        }).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddLogging().AddUpdateBotCore(configuration).AddUpdateBotStorage(configuration);
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task NoHostileCommandThrowsAndEveryAnswerRendersSafely()
    {
        var commands = host.Services.GetRequiredService<ICommandHandler>();
        var inputs = HostileCommands.Generate(commands.Definitions.Select(d => d.Name)).ToList();
        Assert.True(inputs.Count >= 1000, $"only {inputs.Count} hostile commands were generated");

        var answered = 0;
        foreach (var text in inputs)
        {
            foreach (var inbound in Variants(text))
            {
                time.Advance(TimeSpan.FromSeconds(5));
                var response = await commands.HandleAsync(inbound, CancellationToken.None);
                answered += response.Messages.Count;
                foreach (var message in response.Messages)
                {
                    AssertSafe(message, text);
                }
            }
        }

        foreach (var data in HostileCommands.Callbacks())
        {
            time.Advance(TimeSpan.FromSeconds(5));
            var response = await commands.HandleAsync(Private("", Moderator) with { CallbackData = data }, CancellationToken.None);
            Assert.All(response.Messages, m => AssertSafe(m, data));
        }

        // What moderators posted with hostile text is stored; composing it as an entry must be just as safe.
        var entries = host.Services.GetRequiredService<IEntryStore>();
        var stored = await entries.GetLatestAsync(500, 0, CancellationToken.None);
        Assert.NotEmpty(stored);
        foreach (var entry in stored)
        {
            AssertSafe(EntryComposer.Compose(entry, TimeZoneInfo.Utc), entry.Text);
        }

        Assert.True(answered > inputs.Count, "most hostile commands should get an answer");
    }

    private static IEnumerable<Inbound> Variants(string text) =>
    [
        Private(text, Moderator),
        Private(text, "7") with { Chat = new ChatAddress("telegram", "-1001"), ChatKind = ChatKind.Group },
    ];

    private static Inbound Private(string text, string user) => new()
    {
        Chat = new ChatAddress("telegram", user),
        User = new UserRef("telegram", user, "Hostile <b>user</b> @everyone"),
        Text = text,
    };

    private static void AssertSafe(OutgoingMessage message, string input)
    {
        var rendered = MessageRenderer.Render(message);
        var parts = rendered.Parts.ToList();
        if (rendered.Caption is { } caption)
        {
            parts.Add(caption);
        }

        foreach (var part in parts)
        {
            var problem = TelegramHtmlChecker.Problem(part.Html);
            Assert.True(problem is null, $"{problem} in the answer to '{Shorten(input)}':\n{Shorten(part.Html)}");
            Assert.True(part.Plain.Length <= MessageRenderer.TextLimit, $"a part of {part.Plain.Length} characters answers '{Shorten(input)}'");
        }

        var payloads = DiscordMessageBuilder.ForChannel(message, "hostile-job-1").Concat(DiscordMessageBuilder.ForInteraction(message));
        foreach (var payload in payloads)
        {
            var problem = DiscordSafetyChecker.Problem(payload);
            Assert.True(problem is null, $"{problem} in the Discord answer to '{Shorten(input)}':\n{Shorten(payload.ToJsonString())}");
        }
    }

    private static string Shorten(string value) => value.Length <= 120 ? value : value[..120] + "…";
}
