using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Commands.BuiltIn;

/// <summary>/subscribe [source] [--keywords a,b] [--near place] [--radius km]: new entries to this chat.</summary>
internal sealed class SubscribeCommand(ISubscriptionStore subscriptions, IOptionsMonitor<UpdateBotOptions> options) : ICommand
{
    public CommandDefinition Definition { get; } = new("subscribe", "Post every new entry in this chat")
    {
        Audience = CommandAudience.ChatAdmins,
        Options =
        [
            new CommandOption("source", "Which live blog (default: all)"),
            new CommandOption("keywords", "Only entries mentioning one of these words, comma-separated") { Flag = true },
            new CommandOption("near", "Only entries naming a place near this one") { Flag = true, Autocomplete = true },
            new CommandOption("radius", "Kilometres around --near (default 25)", OptionType.Number) { Flag = true, Min = 1, Max = 500 },
        ],
        Examples = ["/subscribe", "/subscribe --keywords strike,picket"],
    };

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var source = SourceNames.Resolve(context.Arguments.Text("source"), options.CurrentValue, out var error);
        if (source is null)
        {
            return CommandResponse.Error(error!);
        }

        var keywords = (context.Arguments.Text("keywords") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => k.Length is > 0 and <= 50)
            .Take(20)
            .ToList();
        var filter = new SubscriptionFilter
        {
            Keywords = keywords,
            NearPlace = context.Arguments.Text("near"),
            RadiusKm = context.Arguments.Text("near") is null ? null : context.Arguments.Number("radius") ?? 25,
        };
        var subscription = new Subscription { Chat = context.Chat, SourceName = source, Filter = filter, CreatedAt = context.Now };
        var isNew = await subscriptions.SubscribeAsync(subscription, cancellationToken);
        var what = source == Subscription.AllSources ? "every live blog I follow" : source;
        var filtered = filter.IsEmpty ? "" : " (filtered: " + Describe(filter) + ")";
        return CommandResponse.Reply(isNew
            ? $"Subscribed: new entries from {what} will be posted here{filtered}."
            : $"Updated this chat's subscription to {what}{filtered}.");
    }

    internal static string Describe(SubscriptionFilter filter)
    {
        var parts = new List<string>();
        if (filter.Keywords.Count > 0)
        {
            parts.Add("keywords " + string.Join(", ", filter.Keywords));
        }

        if (filter.NearPlace is { } place)
        {
            parts.Add($"within {filter.RadiusKm ?? 25:0.#} km of {place}");
        }

        return string.Join("; ", parts);
    }
}
