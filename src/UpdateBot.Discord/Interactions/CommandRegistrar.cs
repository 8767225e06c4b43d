using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Commands;
using UpdateBot.Discord.Rest;

namespace UpdateBot.Discord.Interactions;

/// <summary>
/// Registers the slash commands with one bulk overwrite (per guild when GuildIds are set, else globally), generated
/// from the core's command definitions so help and registration never disagree.
/// </summary>
internal sealed partial class CommandRegistrar(
    ICommandHandler commands,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger)
{
    /// <summary>Shown to ChatAdmins-only commands' users: MANAGE_CHANNELS.</summary>
    public const string ChatAdminPermission = "16";

    public async Task<bool> RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var body = Build(commands.Definitions, options.Value.ModeratorPermission);
        var guilds = options.Value.GuildIds;
        var paths = guilds.Count == 0
            ? [$"applications/{applicationId}/commands"]
            : guilds.Select(g => $"applications/{applicationId}/guilds/{g}/commands").ToList();
        var ok = true;
        foreach (var path in paths)
        {
            var response = await rest.SendAsync(new RestRequest(HttpMethod.Put, path, body.DeepClone()) { Retry = true }, cancellationToken);
            if (response.IsSuccess)
            {
                Log.Registered(logger, body.Count, guilds.Count == 0 ? "globally" : "in a guild");
            }
            else
            {
                ok = false;
                Log.RegistrationFailed(logger, response.Describe());
            }
        }

        return ok;
    }

    /// <summary>The PUT body: one CHAT_INPUT command per definition.</summary>
    internal static JsonArray Build(IReadOnlyList<CommandDefinition> definitions, string moderatorPermission)
    {
        var array = new JsonArray();
        foreach (var definition in definitions)
        {
            var command = new JsonObject
            {
                ["type"] = 1,
                ["name"] = Name(definition.Name),
                ["description"] = Description(definition.Description),
            };
            var options = new JsonArray();
            foreach (var option in definition.Options.OrderBy(o => o.Required ? 0 : 1).Take(25))
            {
                options.Add(Option(option));
            }

            if (options.Count > 0)
            {
                command["options"] = options;
            }

            switch (definition.Audience)
            {
                case CommandAudience.Moderators:
                    command["default_member_permissions"] = moderatorPermission;
                    break;
                case CommandAudience.ChatAdmins:
                    command["default_member_permissions"] = ChatAdminPermission;
                    break;
                default:
                    break;
            }

            array.Add(command);
        }

        return array;
    }

    private static JsonObject Option(CommandOption option)
    {
        var type = option.Type switch
        {
            OptionType.Integer => 4,
            OptionType.Number => 10,
            OptionType.Boolean => 5,
            _ => 3,
        };
        var node = new JsonObject
        {
            ["type"] = type,
            ["name"] = Name(option.Name),
            ["description"] = Description(option.Description),
            ["required"] = option.Required,
        };
        if (type is 4 or 10)
        {
            if (option.Min is { } min)
            {
                node["min_value"] = type == 4 ? (JsonNode)(long)Math.Ceiling(min) : min;
            }

            if (option.Max is { } max)
            {
                node["max_value"] = type == 4 ? (JsonNode)(long)Math.Floor(max) : max;
            }
        }

        if (option.Choices.Count > 0 && type != 5)
        {
            var choices = new JsonArray();
            foreach (var choice in option.Choices.Take(25))
            {
                JsonNode? value = type switch
                {
                    4 when long.TryParse(choice, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => whole,
                    10 when double.TryParse(choice, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                    3 => choice.Length > 100 ? choice[..100] : choice,
                    _ => null,
                };
                if (value is not null)
                {
                    choices.Add(new JsonObject { ["name"] = choice.Length > 100 ? choice[..100] : choice, ["value"] = value });
                }
            }

            node["choices"] = choices;
        }
        else if (option.Autocomplete && type != 5)
        {
            node["autocomplete"] = true;
        }

        return node;
    }

    /// <summary>Discord names: 1–32 characters, lowercase letters, digits, '-' and '_'.</summary>
    internal static string Name(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var text = builder.ToString();
        return text.Length == 0 ? "x" : text.Length > 32 ? text[..32] : text;
    }

    private static string Description(string description)
    {
        var text = string.IsNullOrWhiteSpace(description) ? "-" : description.Trim();
        return text.Length > 100 ? text[..99] + "…" : text;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 740, Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands {Where}")]
        public static partial void Registered(ILogger logger, int count, string where);

        [LoggerMessage(EventId = 741, Level = LogLevel.Error, Message = "Registering the Discord slash commands failed: {Error}")]
        public static partial void RegistrationFailed(ILogger logger, string error);
    }
}
