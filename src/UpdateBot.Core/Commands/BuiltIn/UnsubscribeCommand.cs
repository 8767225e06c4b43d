using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Commands.BuiltIn;

internal sealed class UnsubscribeCommand(ISubscriptionStore subscriptions, IOptionsMonitor<UpdateBotOptions> options) : ICommand
{
    public CommandDefinition Definition { get; } = new("unsubscribe", "Stop posting new entries in this chat")
    {
        Audience = CommandAudience.ChatAdmins,
        Options = [new CommandOption("source", "Which live blog (default: all)")],
        Examples = ["/unsubscribe"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var requested = context.Arguments.Text("source");
        string? source = null;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            source = SourceNames.Resolve(requested, options.CurrentValue, out var error);
            if (source is null)
            {
                return CommandResponse.Error(error!);
            }
        }

        var removed = await subscriptions.UnsubscribeAsync(context.Chat, source == Subscription.AllSources ? null : source, cancellationToken);
        return CommandResponse.Reply(removed == 0
            ? "This chat had no such subscription."
            : "Unsubscribed: no more new entries will be posted here. /subscribe to start again.");
    }
}
