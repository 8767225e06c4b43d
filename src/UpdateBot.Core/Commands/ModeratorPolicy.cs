using Microsoft.Extensions.Options;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Configuration;

namespace UpdateBot.Core.Commands;

/// <summary>Decides who is a moderator: configured user ids per platform, or a platform role the adapter vouched for.</summary>
public sealed class ModeratorPolicy(IOptionsMonitor<UpdateBotOptions> options)
{
    public bool IsModerator(Inbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var moderators = options.CurrentValue.Moderators;
        var ids = inbound.User.Platform switch
        {
            "telegram" => moderators.Telegram,
            "discord" => moderators.Discord,
            "console" => ["console"],
            _ => [],
        };
        return ids.Contains(inbound.User.UserId, StringComparer.Ordinal)
            || (inbound.User.Platform == "discord" && inbound.HasModeratorRole);
    }
}
