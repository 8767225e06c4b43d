using System.Reflection;

namespace UpdateBot.Core.Commands.BuiltIn;

internal sealed class AboutCommand : ICommand
{
    public static string Version { get; } =
        typeof(AboutCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public CommandDefinition Definition { get; } = new("about", "What this bot is, its version and data sources")
    {
        Examples = ["/about"],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResponse.Reply(
            $"UpdateBot {Version} follows live blogs and posts each new entry to the chats that subscribe, " +
            "and finds the demos, rallies and meetings they announce.\n\n" +
            "Place data from GeoNames (geonames.org), licensed under Creative Commons Attribution 4.0 " +
            "(portions CC BY 3.0); merged and reformatted."));
}
