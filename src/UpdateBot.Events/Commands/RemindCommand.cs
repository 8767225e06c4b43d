using UpdateBot.Core.Commands;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Commands;

/// <summary>/remind on|off: reminders an hour before events near the chat's home place.</summary>
internal sealed class RemindCommand(IChatSettingsStore settings) : ICommand
{
    public CommandDefinition Definition { get; } = new("remind", "Reminders an hour before events near this chat's home place")
    {
        Audience = CommandAudience.ChatAdmins,
        Options = [new CommandOption("state", "on or off") { Required = true, Choices = ["on", "off"] }],
        Examples = ["/remind on", "/remind off"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var on = string.Equals(context.Arguments.Text("state"), "on", StringComparison.OrdinalIgnoreCase);
        var current = await settings.GetAsync(context.Chat, cancellationToken);
        await settings.SaveAsync(context.Chat, current with { Remind = on }, cancellationToken);
        if (!on)
        {
            return CommandResponse.Reply("Reminders are off for this chat.");
        }

        return CommandResponse.Reply(current.HomePlace is { } home
            ? $"Reminders are on: this chat will hear about events near {home} an hour before they start, and of moves and cancellations."
            : "Reminders are on, but this chat has no home place yet: set one with /home <place>.");
    }
}
