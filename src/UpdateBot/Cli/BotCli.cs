using System.Reflection;
using Microsoft.Extensions.Options;

namespace UpdateBot.Cli;

/// <summary>Dispatches the command line to a verb; configuration and usage mistakes become one clear line.</summary>
internal static class BotCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = CliArguments.Parse(args);
        if (parsed.Has("help") || parsed.Verb is "help")
        {
            await output.WriteLineAsync(Usage.Text);
            return 0;
        }

        if (parsed.Has("version") || parsed.Verb is "version")
        {
            await output.WriteLineAsync("UpdateBot " + Version);
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        try
        {
            return parsed.Verb switch
            {
                "run" => await RunVerb.RunAsync(parsed, cancel.Token),
                "parse" => await ParseVerb.RunAsync(parsed, output, error, cancel.Token),
                "events" => await EventsVerb.RunAsync(parsed, output, error, cancel.Token),
                _ => throw new CliException($"Unknown verb '{parsed.Verb}'. Run with --help for usage."),
            };
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync("Error: " + exception.Message);
            return 2;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                await error.WriteLineAsync("Configuration error: " + failure);
            }

            return 2;
        }
    }

    public static string Version { get; } =
        typeof(BotCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
