using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Commands.BuiltIn;

internal sealed class SubscriptionsCommand(ISubscriptionStore subscriptions) : ICommand
{
    public CommandDefinition Definition { get; } = new("subscriptions", "What this chat is subscribed to")
    {
        Examples = ["/subscriptions"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await subscriptions.GetForChatAsync(context.Chat, cancellationToken);
        if (list.Count == 0)
        {
            return CommandResponse.Reply("This chat has no subscriptions. /subscribe to get new entries here.");
        }

        var lines = list.Select(s =>
        {
            var name = s.SourceName == Subscription.AllSources ? "all live blogs" : s.SourceName;
            var filter = s.Filter.IsEmpty ? "" : " — " + SubscribeCommand.Describe(s.Filter);
            var paused = s.Paused ? " (paused: " + s.PausedReason + ")" : "";
            return "• " + name + filter + paused;
        });
        return CommandResponse.Reply("This chat's subscriptions:\n\n" + string.Join("\n", lines));
    }
}
