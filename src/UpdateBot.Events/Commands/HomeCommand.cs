using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Commands;

/// <summary>/home [place]: the chat's home place for /events and reminders (a place name, not anyone's location).</summary>
internal sealed class HomeCommand(IPlaceDirectory places, IChatSettingsStore settings, FeedTimeZones zones, IOptions<EventsOptions> options) : ICommand
{
    public CommandDefinition Definition { get; } = new("home", "Set this chat's home place for /events and reminders")
    {
        Audience = CommandAudience.ChatAdmins,
        Options = [new CommandOption("place", "A town or city, or \"clear\"") { Rest = true, Autocomplete = true }],
        Examples = ["/home Leeds", "/home clear"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(context.Chat, cancellationToken);
        var text = context.Arguments.Text("place")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return CommandResponse.Reply(current.HomePlace is { } home
                ? $"This chat's home place is {home}. /events lists what is on near it."
                : "This chat has no home place yet. Set one with /home <place>.");
        }

        if (text.Equals("clear", StringComparison.OrdinalIgnoreCase))
        {
            await settings.SaveAsync(context.Chat, current with { HomePlace = null }, cancellationToken);
            return CommandResponse.Reply("Home place cleared.");
        }

        var region = options.Value.Region ?? RegionHints.ForZone(zones.Default) ?? "GB";
        var place = places.Find(text, region);
        if (place is null)
        {
            return CommandResponse.Error($"I don't know a place called \"{(text.Length <= 60 ? text : text[..59] + "…")}\". Nothing was changed.");
        }

        var name = $"{place.Name}, {place.Country}";
        await settings.SaveAsync(context.Chat, current with { HomePlace = name }, cancellationToken);
        return CommandResponse.Reply($"Home place set to {place.Name} ({place.Admin1}, {place.Country}). /events now lists what is on near it.");
    }

    public Task<IReadOnlyList<string>> SuggestAsync(string option, string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. places.Suggest(prefix, 25).Select(p => $"{p.Name}, {p.Country}").Distinct()]);
}
