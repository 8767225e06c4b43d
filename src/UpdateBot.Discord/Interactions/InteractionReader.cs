using System.Globalization;
using System.Text.Json;
using UpdateBot.Core.Chats;

namespace UpdateBot.Discord.Interactions;

/// <summary>Turns an INTERACTION_CREATE payload into the core's <see cref="Inbound"/>, at the adapter's edge.</summary>
internal static class InteractionReader
{
    public static Inbound ToInbound(JsonElement interaction, DiscordOptions options, IReadOnlyCollection<string> moderatorRoles)
    {
        ArgumentNullException.ThrowIfNull(options);
        var channelId = Text(interaction, "channel_id")
            ?? (interaction.TryGetProperty("channel", out var channel) ? Text(channel, "id") : null)
            ?? "0";
        var inGuild = Text(interaction, "guild_id") is not null;
        var hasMember = interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
        var user = hasMember && member.TryGetProperty("user", out var memberUser) ? memberUser
            : interaction.TryGetProperty("user", out var dmUser) ? dmUser : default;
        var userId = user.ValueKind == JsonValueKind.Object ? Text(user, "id") ?? "0" : "0";
        var displayName = user.ValueKind == JsonValueKind.Object ? Text(user, "global_name") ?? Text(user, "username") : null;
        var permissions = hasMember ? DiscordPermissions.Parse(Text(member, "permissions")) : 0;
        var roles = hasMember && member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];
        var moderatorPermission = DiscordPermissions.Parse(options.ModeratorPermission);
        var hasModeratorRole = roles.Any(moderatorRoles.Contains)
            || (options.TrustModeratorPermission && hasMember
                && (DiscordPermissions.HasAll(permissions, moderatorPermission) || DiscordPermissions.HasAny(permissions, DiscordPermissions.Administrator)));

        var data = interaction.TryGetProperty("data", out var d) ? d : default;
        var name = data.ValueKind == JsonValueKind.Object ? Text(data, "name") ?? "" : "";
        var isComponent = interaction.TryGetProperty("type", out var type) && type.TryGetInt32(out var kind) && kind == 3;
        return new Inbound
        {
            Chat = new ChatAddress(DiscordPlatform.PlatformName, channelId),
            User = new UserRef(DiscordPlatform.PlatformName, userId, displayName),
            ChatKind = inGuild ? ChatKind.Group : ChatKind.Private,
            Text = isComponent ? "" : "/" + name,
            CallbackData = isComponent && data.ValueKind == JsonValueKind.Object ? Text(data, "custom_id") : null,
            IsChatAdmin = inGuild && DiscordPermissions.HasAny(permissions, DiscordPermissions.Administrator | DiscordPermissions.ManageChannels),
            HasModeratorRole = hasModeratorRole,
            Options = isComponent ? null : Options(data),
        };
    }

    /// <summary>The named options of a command (sub-command options flattened), values in invariant text.</summary>
    public static Dictionary<string, string> Options(JsonElement data)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Collect(data, result);
        return result;
    }

    /// <summary>The option being typed in an autocomplete interaction: its name, type and partial value.</summary>
    public static (string Name, int Type, string Value)? Focused(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var option in options.EnumerateArray())
        {
            if (option.TryGetProperty("focused", out var focused) && focused.ValueKind == JsonValueKind.True)
            {
                var type = option.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 3;
                return (Text(option, "name") ?? "", type, option.TryGetProperty("value", out var v) ? ValueText(v) : "");
            }

            if (Focused(option) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static void Collect(JsonElement node, Dictionary<string, string> into)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var option in options.EnumerateArray())
        {
            if (option.TryGetProperty("value", out var value) && Text(option, "name") is { } name)
            {
                into[name] = ValueText(value);
            }
            else
            {
                Collect(option, into);
            }
        }
    }

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
