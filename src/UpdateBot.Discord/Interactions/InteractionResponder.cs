using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Messages;
using UpdateBot.Discord.Messages;
using UpdateBot.Discord.Rest;

namespace UpdateBot.Discord.Interactions;

/// <summary>
/// Answers one interaction: converts it to an Inbound, asks the core, and replies over HTTP within Discord's 3 s
/// (deferring when the core takes longer, then editing @original). Errors are answered privately.
/// </summary>
internal sealed partial class InteractionResponder(
    ICommandHandler commands,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IOptionsMonitor<UpdateBotOptions> botOptions,
    TimeProvider time,
    ILogger<InteractionResponder> logger)
{
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdate = 6;
    private const int UpdateMessage = 7;
    private const int AutocompleteResult = 8;

    private static readonly TimeSpan AutocompleteBudget = TimeSpan.FromMilliseconds(2500);

    public async Task RespondAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var id = InteractionReader.Text(interaction, "id");
        var token = InteractionReader.Text(interaction, "token");
        var applicationId = InteractionReader.Text(interaction, "application_id");
        if (id is null || token is null || applicationId is null)
        {
            return;
        }

        var target = new Target(id, token, applicationId);
        var type = interaction.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 0;
        switch (type)
        {
            case 2:
                await CommandAsync(interaction, target, component: false, cancellationToken);
                break;
            case 3:
                await CommandAsync(interaction, target, component: true, cancellationToken);
                break;
            case 4:
                await AutocompleteAsync(interaction, target, cancellationToken);
                break;
            case 5:
                await CallbackAsync(target, ChannelMessage, DiscordMessageBuilder.ForInteraction(Private("Forms are not supported.")).First(), cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task CommandAsync(JsonElement interaction, Target target, bool component, CancellationToken cancellationToken)
    {
        var inbound = InteractionReader.ToInbound(interaction, options.Value, ModeratorRoles());
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handling = HandleSafelyAsync(inbound, work.Token);
        var deferral = Task.Delay(options.Value.DeferAfter, time, work.Token);
        var deferred = false;
        if (await Task.WhenAny(handling, deferral) != handling)
        {
            // The core needs longer than Discord allows for a first answer: acknowledge now, answer by edit later.
            deferred = await CallbackAsync(target, component ? DeferredUpdate : DeferredChannelMessage, null, cancellationToken);
        }

        var response = await handling;
        await work.CancelAsync();
        if (deferred)
        {
            await CompleteDeferredAsync(target, response, component, cancellationToken);
        }
        else
        {
            await AnswerAsync(target, response, component, cancellationToken);
        }
    }

    private async Task<CommandResponse> HandleSafelyAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        try
        {
            return await commands.HandleAsync(inbound, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The user gets an answer whatever went wrong; the log says what.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(logger, exception);
            return CommandResponse.Error("Sorry, something went wrong answering that. It has been logged.");
        }
    }

    private async Task AnswerAsync(Target target, CommandResponse response, bool component, CancellationToken cancellationToken)
    {
        var parts = Parts(response, component);
        if (parts.Count == 0)
        {
            await CallbackAsync(target, DeferredUpdate, null, cancellationToken);
            return;
        }

        var callbackType = component && response.ReplaceOriginal && response.Messages.Count > 0 ? UpdateMessage : ChannelMessage;
        if (!await CallbackAsync(target, callbackType, parts[0], cancellationToken))
        {
            return;
        }

        foreach (var part in parts.Skip(1))
        {
            await FollowUpAsync(target, part, cancellationToken);
        }
    }

    private async Task CompleteDeferredAsync(Target target, CommandResponse response, bool component, CancellationToken cancellationToken)
    {
        var parts = Parts(response, component);
        var remaining = parts;
        if (parts.Count > 0)
        {
            var first = parts[0];
            var isPrivate = first["flags"] is not null;
            if (component && !response.ReplaceOriginal)
            {
                // The message with the button stays; the answer is a new message.
                remaining = parts;
            }
            else if (!component && isPrivate)
            {
                // A deferred answer is public; a private one replaces it with an ephemeral follow-up.
                await SendWebhookAsync(HttpMethod.Delete, target, "/messages/@original", null, cancellationToken);
                remaining = parts;
            }
            else
            {
                first.Remove("flags");
                await SendWebhookAsync(HttpMethod.Patch, target, "/messages/@original", first, cancellationToken);
                remaining = parts.Skip(1).ToList();
            }
        }
        else if (!component)
        {
            await SendWebhookAsync(HttpMethod.Delete, target, "/messages/@original", null, cancellationToken);
        }

        foreach (var part in remaining)
        {
            await FollowUpAsync(target, part, cancellationToken);
        }
    }

    /// <summary>Every message of a response as interaction bodies; a lone notice becomes a private reply.</summary>
    private static List<JsonObject> Parts(CommandResponse response, bool component)
    {
        var messages = response.Messages.ToList();
        if (messages.Count == 0 && !string.IsNullOrWhiteSpace(response.Notice))
        {
            messages.Add(Private(response.Notice));
        }
        else if (messages.Count == 0 && !component)
        {
            messages.Add(Private("Done."));
        }

        return messages.SelectMany(DiscordMessageBuilder.ForInteraction).ToList();
    }

    private static OutgoingMessage Private(string text) => OutgoingMessage.Text(text) with { Private = true };

    private async Task AutocompleteAsync(JsonElement interaction, Target target, CancellationToken cancellationToken)
    {
        var data = interaction.TryGetProperty("data", out var d) ? d : default;
        var command = InteractionReader.Text(data, "name") ?? "";
        IReadOnlyList<string> suggestions = [];
        var focused = InteractionReader.Focused(data);
        if (focused is { } option)
        {
            using var budget = new CancellationTokenSource(AutocompleteBudget, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
            try
            {
                suggestions = await commands.SuggestAsync(command, option.Name, option.Value, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.SuggestSlow(logger, command);
            }
#pragma warning disable CA1031 // No suggestions is an acceptable answer; the log says why.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.HandlerFailed(logger, exception);
            }
        }

        var choices = DiscordMessageBuilder.Choices(suggestions);
        if (focused is { Type: 4 or 10 } numeric)
        {
            choices = NumericChoices(choices, numeric.Type == 4);
        }

        await CallbackAsync(target, AutocompleteResult, new JsonObject { ["choices"] = choices }, cancellationToken);
    }

    private static JsonArray NumericChoices(JsonArray choices, bool integer)
    {
        var result = new JsonArray();
        foreach (var choice in choices.OfType<JsonObject>())
        {
            var text = choice["value"]!.GetValue<string>();
            if (integer && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            {
                result.Add(new JsonObject { ["name"] = choice["name"]!.GetValue<string>(), ["value"] = whole });
            }
            else if (!integer && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                result.Add(new JsonObject { ["name"] = choice["name"]!.GetValue<string>(), ["value"] = number });
            }
        }

        return result;
    }

    private async Task<bool> CallbackAsync(Target target, int type, JsonObject? data, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["type"] = type };
        if (data is not null)
        {
            body["data"] = data;
        }

        var response = await rest.SendAsync(new RestRequest(HttpMethod.Post, $"interactions/{target.Id}/{target.Token}/callback", body), cancellationToken);
        if (!response.IsSuccess)
        {
            Log.CallbackFailed(logger, type, response.Describe());
        }

        return response.IsSuccess;
    }

    private async Task FollowUpAsync(Target target, JsonObject part, CancellationToken cancellationToken) =>
        await SendWebhookAsync(HttpMethod.Post, target, "", part, cancellationToken);

    private async Task SendWebhookAsync(HttpMethod method, Target target, string suffix, JsonObject? body, CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(
            new RestRequest(method, $"webhooks/{target.ApplicationId}/{target.Token}{suffix}", body) { Retry = method != HttpMethod.Post },
            cancellationToken);
        if (!response.IsSuccess)
        {
            Log.FollowUpFailed(logger, method.Method, response.Describe());
        }
    }

    private HashSet<string> ModeratorRoles() =>
        options.Value.ModeratorRoleIds.Concat(botOptions.CurrentValue.Moderators.DiscordRoles).ToHashSet(StringComparer.Ordinal);

    private sealed record Target(string Id, string Token, string ApplicationId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 720, Level = LogLevel.Error, Message = "Answering a Discord interaction failed")]
        public static partial void HandlerFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 721, Level = LogLevel.Warning, Message = "Discord interaction callback (type {Type}) failed: {Error}")]
        public static partial void CallbackFailed(ILogger logger, int type, string error);

        [LoggerMessage(EventId = 722, Level = LogLevel.Warning, Message = "Discord interaction follow-up ({Method}) failed: {Error}")]
        public static partial void FollowUpFailed(ILogger logger, string method, string error);

        [LoggerMessage(EventId = 723, Level = LogLevel.Warning, Message = "Suggestions for /{Command} took too long; answered with none")]
        public static partial void SuggestSlow(ILogger logger, string command);
    }
}
