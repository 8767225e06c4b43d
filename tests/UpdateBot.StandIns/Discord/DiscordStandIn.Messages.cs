using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace UpdateBot.StandIns.Discord;

/// <summary>Messages, interactions and commands: stored, validated like Discord validates them, and recorded.</summary>
public sealed partial class DiscordStandIn
{
    private readonly Dictionary<string, List<StandInMessage>> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string Nonce), string> nonces = [];
    private readonly Dictionary<string, StandInInteraction> interactions = new(StringComparer.Ordinal);
    private readonly List<StandInCallback> callbacks = [];
    private readonly List<JsonObject> messageBodies = [];

    /// <summary>Messages of a channel in the order they were created (deleted ones included, marked).</summary>
    public IReadOnlyList<StandInMessage> Messages(string channelId)
    {
        lock (sync)
        {
            return channels.TryGetValue(channelId, out var list) ? list.ToList() : [];
        }
    }

    /// <summary>Channels that have at least one message.</summary>
    public IReadOnlyList<string> ChannelIds
    {
        get
        {
            lock (sync)
            {
                return channels.Keys.ToList();
            }
        }
    }

    /// <summary>Messages stored in all channels (not deleted), for fan-out counts.</summary>
    public int MessageCount
    {
        get
        {
            lock (sync)
            {
                return channels.Values.Sum(list => list.Count(m => !m.Deleted));
            }
        }
    }

    /// <summary>Every JSON body the bot sent that writes a message (sends, edits, callbacks' data, follow-ups).</summary>
    public IReadOnlyList<JsonObject> MessageBodies
    {
        get
        {
            lock (sync)
            {
                return messageBodies.Select(b => (JsonObject)b.DeepClone()).ToList();
            }
        }
    }

    public IReadOnlyList<StandInCallback> Callbacks
    {
        get
        {
            lock (sync)
            {
                return callbacks.ToList();
            }
        }
    }

    public StandInInteraction? Interaction(string id)
    {
        lock (sync)
        {
            return interactions.TryGetValue(id, out var interaction) ? interaction : null;
        }
    }

    /// <summary>Stores a message as if someone (not the bot) had posted it; returns its id.</summary>
    public string SeedMessage(string channelId, string content)
    {
        lock (sync)
        {
            var message = new StandInMessage { Id = NewId(), ChannelId = channelId, Content = content, Origin = "seed" };
            Channel(channelId).Add(message);
            return message.Id;
        }
    }

    private List<StandInMessage> Channel(string id)
    {
        if (!channels.TryGetValue(id, out var list))
        {
            channels[id] = list = [];
        }

        return list;
    }

    private async Task<int> CreateMessageAsync(HttpContext context, string channel, JsonNode? json, string origin, string? interactionId)
    {
        if (json is not JsonObject body)
        {
            return await WriteAsync(context, 400, Error(50006, "Cannot send an empty message"));
        }

        if (Validate(body) is { } invalid)
        {
            return await WriteAsync(context, 400, invalid);
        }

        StandInMessage message;
        lock (sync)
        {
            messageBodies.Add((JsonObject)body.DeepClone());
            var nonce = body["nonce"]?.ToString();
            var enforce = body["enforce_nonce"]?.GetValue<bool>() == true;
            if (enforce && nonce is not null && nonces.TryGetValue((channel, nonce), out var existingId))
            {
                message = Channel(channel).First(m => m.Id == existingId);
            }
            else
            {
                message = FromBody(NewId(), channel, body, origin, interactionId);
                Channel(channel).Add(message);
                if (enforce && nonce is not null)
                {
                    nonces[(channel, nonce)] = message.Id;
                }
            }
        }

        return await WriteAsync(context, 200, ToJson(message));
    }

    private async Task<int> EditMessageAsync(HttpContext context, string channel, string id, JsonNode? json)
    {
        if (json is not JsonObject body || Validate(body) is { } invalid)
        {
            return await WriteAsync(context, 400, Error(50035, "Invalid Form Body"));
        }

        StandInMessage? edited;
        lock (sync)
        {
            messageBodies.Add((JsonObject)body.DeepClone());
            edited = Edit(channel, id, body);
        }

        return edited is null
            ? await WriteAsync(context, 404, Error(10008, "Unknown Message"))
            : await WriteAsync(context, 200, ToJson(edited));
    }

    private async Task<int> DeleteMessageAsync(HttpContext context, string channel, string id)
    {
        bool found;
        lock (sync)
        {
            var list = Channel(channel);
            var index = list.FindIndex(m => m.Id == id && !m.Deleted);
            found = index >= 0;
            if (found)
            {
                list[index] = list[index] with { Deleted = true };
            }
        }

        return found ? await WriteAsync(context, 204, null) : await WriteAsync(context, 404, Error(10008, "Unknown Message"));
    }

    private StandInMessage? Edit(string channel, string id, JsonObject body)
    {
        var list = Channel(channel);
        var index = list.FindIndex(m => m.Id == id && !m.Deleted);
        if (index < 0)
        {
            return null;
        }

        var old = list[index];
        var updated = old with
        {
            Content = body.ContainsKey("content") ? body["content"]?.GetValue<string>() : old.Content,
            Embeds = body.ContainsKey("embeds") ? (body["embeds"] as JsonArray)?.DeepClone() as JsonArray ?? [] : old.Embeds,
            Components = body.ContainsKey("components") ? body["components"]?.DeepClone() : old.Components,
            AllowedMentions = body["allowed_mentions"]?.DeepClone(),
            Edits = old.Edits + 1,
        };
        list[index] = updated;
        return updated;
    }

    private async Task<int> CallbackAsync(HttpContext context, string id, string token, JsonNode? json)
    {
        var type = json?["type"]?.GetValue<int>() ?? 0;
        var data = json?["data"] as JsonObject;
        int status;
        JsonObject? error = null;
        lock (sync)
        {
            var now = time.GetUtcNow();
            if (!interactions.TryGetValue(id, out var interaction) || interaction.Token != token
                || now - interaction.CreatedAt > Options.InteractionDeadline)
            {
                status = 404;
                error = Error(10062, "Unknown interaction");
                if (interaction is not null)
                {
                    interactions[id] = interaction with { RefusedCallbacks = interaction.RefusedCallbacks + 1 };
                }
            }
            else if (interaction.CallbackType is not null)
            {
                status = 400;
                error = Error(40060, "Interaction has already been acknowledged.");
                interactions[id] = interaction with { RefusedCallbacks = interaction.RefusedCallbacks + 1 };
            }
            else if (data is not null && type is 4 or 7 && Validate(data) is { } invalid)
            {
                status = 400;
                error = invalid;
            }
            else
            {
                status = 204;
                interactions[id] = Acknowledge(interaction, type, data);
            }

            callbacks.Add(new StandInCallback(id, type, data?.DeepClone(), status, now));
        }

        return await WriteAsync(context, status, error);
    }

    private StandInInteraction Acknowledge(StandInInteraction interaction, int type, JsonObject? data)
    {
        string? original = null;
        switch (type)
        {
            case 4 when data is not null:
                messageBodies.Add((JsonObject)data.DeepClone());
                var message = FromBody(NewId(), interaction.ChannelId, data, "interaction", interaction.Id);
                Channel(interaction.ChannelId).Add(message);
                original = message.Id;
                break;
            case 5:
                var thinking = new StandInMessage
                {
                    Id = NewId(),
                    ChannelId = interaction.ChannelId,
                    Content = "",
                    Origin = "deferred",
                    InteractionId = interaction.Id,
                    Flags = data?["flags"]?.GetValue<int>() ?? 0,
                };
                Channel(interaction.ChannelId).Add(thinking);
                original = thinking.Id;
                break;
            case 6:
                original = interaction.ComponentMessageId;
                break;
            case 7 when data is not null && interaction.ComponentMessageId is { } target:
                messageBodies.Add((JsonObject)data.DeepClone());
                Edit(interaction.ChannelId, target, data);
                original = target;
                break;
            default:
                break;
        }

        return interaction with
        {
            CallbackType = type,
            OriginalMessageId = original,
            Choices = type == 8 ? data?["choices"]?.DeepClone() as JsonArray : null,
        };
    }

    private StandInInteraction? ByToken(string application, string token)
    {
        if (application != Options.ApplicationId)
        {
            return null;
        }

        var interaction = interactions.Values.FirstOrDefault(i => i.Token == token);
        return interaction is not null && time.GetUtcNow() - interaction.CreatedAt < TimeSpan.FromMinutes(15) && interaction.CallbackType is not null
            ? interaction
            : null;
    }

    private async Task<int> FollowUpAsync(HttpContext context, string application, string token, JsonNode? json)
    {
        if (json is not JsonObject body)
        {
            return await WriteAsync(context, 400, Error(50006, "Cannot send an empty message"));
        }

        if (Validate(body) is { } invalid)
        {
            return await WriteAsync(context, 400, invalid);
        }

        StandInMessage? message = null;
        lock (sync)
        {
            if (ByToken(application, token) is { } interaction)
            {
                messageBodies.Add((JsonObject)body.DeepClone());
                message = FromBody(NewId(), interaction.ChannelId, body, "followup", interaction.Id);
                Channel(interaction.ChannelId).Add(message);
            }
        }

        return message is null
            ? await WriteAsync(context, 404, Error(10015, "Unknown Webhook"))
            : await WriteAsync(context, 200, ToJson(message));
    }

    private async Task<int> EditOriginalAsync(HttpContext context, string application, string token, string id, JsonNode? json)
    {
        if (json is not JsonObject body || Validate(body) is not null)
        {
            return await WriteAsync(context, 400, Error(50035, "Invalid Form Body"));
        }

        StandInMessage? edited;
        lock (sync)
        {
            var interaction = ByToken(application, token);
            var target = id == "@original" ? interaction?.OriginalMessageId : id;
            messageBodies.Add((JsonObject)body.DeepClone());
            edited = interaction is null || target is null ? null : Edit(interaction.ChannelId, target, body);
        }

        return edited is null
            ? await WriteAsync(context, 404, Error(10008, "Unknown Message"))
            : await WriteAsync(context, 200, ToJson(edited));
    }

    private async Task<int> DeleteOriginalAsync(HttpContext context, string application, string token, string id)
    {
        var found = false;
        lock (sync)
        {
            var interaction = ByToken(application, token);
            var target = id == "@original" ? interaction?.OriginalMessageId : id;
            if (interaction is not null && target is not null)
            {
                var list = Channel(interaction.ChannelId);
                var index = list.FindIndex(m => m.Id == target && !m.Deleted);
                if (index >= 0)
                {
                    list[index] = list[index] with { Deleted = true };
                    found = true;
                }
            }
        }

        return found ? await WriteAsync(context, 204, null) : await WriteAsync(context, 404, Error(10008, "Unknown Message"));
    }

    private async Task<int> RegisterAsync(HttpContext context, string application, string scope, JsonNode? json)
    {
        if (application != Options.ApplicationId)
        {
            return await WriteAsync(context, 403, Error(50001, "Missing Access"));
        }

        if (json is not JsonArray commands)
        {
            return await WriteAsync(context, 400, Error(50035, "Invalid Form Body: not an array"));
        }

        if (ValidateCommands(commands) is { } problem)
        {
            return await WriteAsync(context, 400, Error(50035, "Invalid Form Body: " + problem));
        }

        var stored = new JsonArray();
        foreach (var command in commands.OfType<JsonObject>())
        {
            var copy = (JsonObject)command.DeepClone();
            copy["id"] = NewId();
            copy["application_id"] = application;
            stored.Add(copy);
        }

        lock (sync)
        {
            registeredCommands[scope] = stored;
        }

        return await WriteAsync(context, 200, stored.DeepClone());
    }

    private static string? ValidateCommands(JsonArray commands)
    {
        if (commands.Count > 100)
        {
            return "more than 100 commands";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands.OfType<JsonObject>())
        {
            var name = command["name"]?.GetValue<string>() ?? "";
            if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant() || !names.Add(name))
            {
                return $"bad or duplicate command name '{name}'";
            }

            var description = command["description"]?.GetValue<string>() ?? "";
            if (description.Length is 0 or > 100)
            {
                return $"description of '{name}' must be 1-100 characters";
            }

            var optional = false;
            foreach (var option in (command["options"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var optionName = option["name"]?.GetValue<string>() ?? "";
                var required = option["required"]?.GetValue<bool>() == true;
                if (!NamePattern().IsMatch(optionName) || optionName != optionName.ToLowerInvariant())
                {
                    return $"bad option name '{optionName}'";
                }

                if (required && optional)
                {
                    return $"required option '{optionName}' after an optional one";
                }

                optional |= !required;
                if (option["autocomplete"]?.GetValue<bool>() == true && option["choices"] is JsonArray { Count: > 0 })
                {
                    return "autocomplete with choices";
                }

                var type = option["type"]?.GetValue<int>() ?? 0;
                if (type is < 1 or > 11)
                {
                    return $"bad option type {type}";
                }
            }

            if (command["default_member_permissions"] is { } permissions && permissions.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return "default_member_permissions must be a string";
            }
        }

        return null;
    }

    /// <summary>Discord's validation of a message body (the parts the bot could get wrong).</summary>
    private static JsonObject? Validate(JsonObject body)
    {
        var content = body["content"]?.GetValue<string>();
        var embeds = body["embeds"] as JsonArray ?? [];
        var components = body["components"] as JsonArray ?? [];
        string? problem = null;
        if (content is { Length: > 2000 })
        {
            problem = "content: Must be 2000 or fewer in length.";
        }
        else if (embeds.Count > 10)
        {
            problem = "embeds: Must be 10 or fewer in length.";
        }
        else if (body["nonce"] is { } nonce && nonce.ToString().Length > 25)
        {
            problem = "nonce: Must be 25 or fewer in length.";
        }
        else if (body["allowed_mentions"] is JsonObject mentions && mentions["parse"] is JsonArray parse
            && ((parse.Any(p => p?.ToString() == "users") && mentions["users"] is JsonArray { Count: > 0 })
                || (parse.Any(p => p?.ToString() == "roles") && mentions["roles"] is JsonArray { Count: > 0 })))
        {
            problem = "allowed_mentions: parse and users/roles are mutually exclusive.";
        }
        else
        {
            var total = 0;
            foreach (var embed in embeds.OfType<JsonObject>())
            {
                var title = embed["title"]?.GetValue<string>()?.Trim() ?? "";
                var description = embed["description"]?.GetValue<string>()?.Trim() ?? "";
                var footer = embed["footer"]?["text"]?.GetValue<string>()?.Trim() ?? "";
                if (title.Length > 256 || description.Length > 4096 || footer.Length > 2048)
                {
                    problem = "embeds: a field is too long.";
                }

                total += title.Length + description.Length + footer.Length;
            }

            if (total > 6000)
            {
                problem = "embeds: Embed size exceeds maximum size of 6000";
            }

            foreach (var button in components.OfType<JsonObject>().SelectMany(r => (r["components"] as JsonArray ?? []).OfType<JsonObject>()))
            {
                if ((button["custom_id"]?.GetValue<string>()?.Length ?? 0) is 0 or > 100 || (button["label"]?.GetValue<string>()?.Length ?? 0) > 80)
                {
                    problem = "components: bad button.";
                }
            }
        }

        if (problem is null && string.IsNullOrEmpty(content) && embeds.Count == 0 && components.Count == 0)
        {
            return Error(50006, "Cannot send an empty message");
        }

        return problem is null ? null : new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["message"] = problem }) } };
    }

    private static StandInMessage FromBody(string id, string channel, JsonObject body, string origin, string? interactionId) => new()
    {
        Id = id,
        ChannelId = channel,
        Content = body["content"]?.GetValue<string>(),
        Embeds = body["embeds"]?.DeepClone() as JsonArray ?? [],
        AllowedMentions = body["allowed_mentions"]?.DeepClone(),
        Components = body["components"]?.DeepClone(),
        Nonce = body["nonce"]?.ToString(),
        Flags = body["flags"]?.GetValue<int>() ?? 0,
        Origin = origin,
        InteractionId = interactionId,
    };

    private JsonObject ToJson(StandInMessage message) => new()
    {
        ["id"] = message.Id,
        ["channel_id"] = message.ChannelId,
        ["type"] = 0,
        ["content"] = message.Content ?? "",
        ["embeds"] = message.Embeds.DeepClone(),
        ["author"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "UpdateBot", ["bot"] = true },
        ["nonce"] = message.Nonce,
        ["timestamp"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["flags"] = message.Flags,
        ["mention_everyone"] = false,
        ["mentions"] = new JsonArray(),
    };

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
