using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using UpdateBot.ConsoleChat;
using UpdateBot.Core;
using UpdateBot.Demo;
using UpdateBot.Hosting;

namespace UpdateBot.Cli;

/// <summary>`run` (the default): the bot itself, with the demo live blog when nothing else is configured.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (args.Option("feed") is { } feed)
        {
            overrides["UpdateBot:Sources:0:Name"] = "feed";
            overrides["UpdateBot:Sources:0:Url"] = LooksLikeUrl(feed) ? feed : Path.GetFullPath(feed);
            overrides["UpdateBot:Sources:0:Format"] = args.Option("format") ?? "auto";
        }

        var settings = new BotRunSettings { Once = args.Has("once"), ForceConsole = args.Has("console"), Overrides = overrides };
        await using var demo = await StartDemoIfNothingConfiguredAsync(settings, overrides, cancellationToken);
        using var host = BotHost.Build(settings with { Overrides = overrides }, ConsoleStreams.System());
        try
        {
            ValidateOptions(host.Services);
            await host.RunAsync(cancellationToken);
            return Environment.ExitCode;
        }
        catch (Exception exception) when (exception is not (OptionsValidationException or OperationCanceledException))
        {
            // The host has logged the details; the user gets one line and an exit code instead of a crash dump.
            throw new CliException("the bot stopped: " + exception.Message);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>
    /// Runs the options checks the host would run at start, before it starts: a bad setting then gets the one
    /// "Configuration error" line alone, not also the host's "Hosting failed to start" error with a stack trace.
    /// </summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
            throw new OptionsValidationException("UpdateBot", typeof(object), failures);
        }
    }

    /// <summary>With no source configured, serve the demo live blog on loopback and watch it.</summary>
    private static async Task<DemoFeedServer?> StartDemoIfNothingConfiguredAsync(
        BotRunSettings settings,
        Dictionary<string, string?> overrides,
        CancellationToken cancellationToken)
    {
        if (overrides.Count > 0)
        {
            return null;
        }

        var configuration = BotHost.LoadConfiguration(new ConfigurationManager(), settings);
        if (configuration.GetSection("UpdateBot:Sources").GetChildren().Any())
        {
            return null;
        }

        var zone = TimeZones.TryFind(configuration["UpdateBot:TimeZone"], out var configured) ? configured : TimeZones.Find("Europe/London");
        var demo = new DemoFeedServer(TimeProvider.System, zone, revealEvery: TimeSpan.FromSeconds(6), initiallyShown: 3);
        await demo.StartAsync(cancellationToken);
        overrides["UpdateBot:Sources:0:Name"] = "demo";
        overrides["UpdateBot:Sources:0:Url"] = demo.Url!.ToString();
        overrides["UpdateBot:Sources:0:PollInterval"] = "00:00:03";
        overrides["UpdateBot:Sources:0:MaxPollInterval"] = "00:00:03";
        overrides["UpdateBot:Sources:0:Backlog"] = "3";
        return demo;
    }

    private static bool LooksLikeUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
