using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UpdateBot.Core;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;
using UpdateBot.Sources;

namespace UpdateBot.Cli;

/// <summary>Reads one page or feed for the one-shot verbs, through the same reader the bot polls with.</summary>
internal static class SnapshotLoader
{
    public static async Task<(FeedSnapshot Snapshot, TimeZoneInfo Zone)> LoadAsync(CliArguments args, string feedFormat, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliException($"'{args.Verb}' needs exactly one URL or file path. Run with --help for usage.");
        }

        var location = args.Positional[0];
        var isUrl = Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!isUrl && !File.Exists(location))
        {
            throw new CliException($"'{location}' is neither an http(s) URL nor an existing file.");
        }

        var configuration = BotConfiguration();
        var zone = CliClock.Zone(args, configuration["UpdateBot:TimeZone"] ?? "Europe/London");
        var now = CliClock.Now(args, TimeProvider.System);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFilter(_ => false))
            .AddSingleton<TimeProvider>(new FixedTimeProvider(now))
            .AddUpdateBotCore(configuration)
            .AddUpdateBotSources(configuration);
        await using var provider = services.BuildServiceProvider();
        var reader = provider.GetRequiredService<ISourceReader>();
        var source = new SourceDefinition
        {
            Name = "cli",
            Url = isUrl ? location : Path.GetFullPath(location),
            Format = feedFormat,
            TimeZone = zone.Id,
        };
        var result = await reader.ReadAsync(source, state: null, cancellationToken);
        return result switch
        {
            SourceReadResult.Snapshot snapshot => (snapshot.Feed, zone),
            SourceReadResult.Failed failed => throw new CliException(failed.Error),
            _ => throw new CliException($"'{location}' could not be read."),
        };
    }

    private static IConfiguration BotConfiguration()
    {
        var manager = new ConfigurationManager();
        Hosting.BotHost.LoadConfiguration(manager, new Hosting.BotRunSettings());
        return manager;
    }
}
