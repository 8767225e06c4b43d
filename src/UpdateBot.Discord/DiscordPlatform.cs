using System.Text.Json;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;
using UpdateBot.Discord.Messages;
using UpdateBot.Discord.Rest;

namespace UpdateBot.Discord;

/// <summary>
/// Discord as a chat platform: entries as embeds, one REST request per message part, Discord's answers mapped to
/// <see cref="SendOutcome"/>. The delivery engine decides on retries; the nonce makes a repeated send harmless.
/// </summary>
internal sealed class DiscordPlatform(DiscordRestClient rest, IOptions<DiscordOptions> options) : IChatPlatform
{
    public const string PlatformName = "discord";

    public string Name => PlatformName;

    public PlatformLimits Limits { get; } = new(RateLimiter.GlobalPerSecond, 0, 0);

    public async Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsChannel(chat, out var refusal))
        {
            return refusal;
        }

        var ids = new List<string>();
        foreach (var body in DiscordMessageBuilder.ForChannel(message, idempotencyKey))
        {
            var response = await rest.SendAsync(
                new RestRequest(HttpMethod.Post, $"channels/{chat.ChatId}/messages", body) { MaxWait = options.Value.MaxSendWait },
                cancellationToken);
            if (!response.IsSuccess)
            {
                return Map(response) with { MessageIds = ids };
            }

            ids.Add(MessageId(response) ?? "");
        }

        return SendResult.Sent(ids);
    }

    public async Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(messageIds);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsChannel(chat, out var refusal))
        {
            return refusal;
        }

        var bodies = DiscordMessageBuilder.ForEdit(message);
        var ids = new List<string>();
        for (var i = 0; i < bodies.Count; i++)
        {
            RestResponse response;
            if (i < messageIds.Count)
            {
                response = await rest.SendAsync(
                    new RestRequest(HttpMethod.Patch, $"channels/{chat.ChatId}/messages/{messageIds[i]}", bodies[i]) { Retry = true, MaxWait = options.Value.MaxSendWait },
                    cancellationToken);
            }
            else
            {
                // The edit grew past the parts posted before: the extra part is a new message, deduplicated by a nonce
                // derived from the first message's id.
                var body = bodies[i];
                body["nonce"] = DiscordMessageBuilder.Nonce("edit:" + string.Join(',', messageIds), i);
                body["enforce_nonce"] = true;
                response = await rest.SendAsync(
                    new RestRequest(HttpMethod.Post, $"channels/{chat.ChatId}/messages", body) { MaxWait = options.Value.MaxSendWait },
                    cancellationToken);
            }

            if (!response.IsSuccess)
            {
                return Map(response) with { MessageIds = ids };
            }

            ids.Add(i < messageIds.Count ? messageIds[i] : MessageId(response) ?? "");
        }

        // Parts the shorter version no longer needs are removed.
        var extra = messageIds.Skip(bodies.Count).ToList();
        if (extra.Count > 0)
        {
            var deleted = await DeleteAsync(chat, extra, cancellationToken);
            if (deleted.Outcome != SendOutcome.Sent)
            {
                return deleted with { MessageIds = ids.Concat(extra).ToList() };
            }
        }

        return SendResult.Sent(ids);
    }

    public async Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(messageIds);
        if (!IsChannel(chat, out var refusal))
        {
            return refusal;
        }

        foreach (var id in messageIds.Where(IsSnowflake))
        {
            var response = await rest.SendAsync(
                new RestRequest(HttpMethod.Delete, $"channels/{chat.ChatId}/messages/{id}") { Retry = true, MaxWait = options.Value.MaxSendWait },
                cancellationToken);

            // A message that is already gone is what we wanted.
            if (!response.IsSuccess && !(response.StatusCode == 404 && response.ErrorCode == 10008))
            {
                return Map(response);
            }
        }

        return SendResult.Sent(messageIds);
    }

    /// <summary>How Discord's answer reads for the delivery engine.</summary>
    internal static SendResult Map(RestResponse response)
    {
        var error = response.Describe();
        return response switch
        {
            { Outcome: RestOutcome.RateLimited } => SendResult.Limited(response.RetryAfter ?? TimeSpan.FromSeconds(1)) with { Error = error },
            { Outcome: RestOutcome.ServerError } => SendResult.Failed(SendOutcome.Transient, error),
            { StatusCode: 401 } => SendResult.Failed(SendOutcome.Transient, error),
            { StatusCode: 429 } => SendResult.Limited(response.RetryAfter ?? TimeSpan.FromMinutes(1)) with { Error = error },
            { StatusCode: 403 } => SendResult.Failed(SendOutcome.Forbidden, error),
            { ErrorCode: 50001 or 50013 or 10003 or 50007 or 50008 } => SendResult.Failed(SendOutcome.Forbidden, error),
            { StatusCode: 404 } when response.ErrorCode is null or 10003 => SendResult.Failed(SendOutcome.Forbidden, error),
            { Outcome: RestOutcome.Refused } => SendResult.Failed(SendOutcome.Transient, error),
            _ => SendResult.Failed(SendOutcome.Rejected, error),
        };
    }

    private static string? MessageId(RestResponse response) =>
        response.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private bool IsChannel(ChatAddress chat, out SendResult refusal)
    {
        refusal = SendResult.Failed(SendOutcome.Rejected, $"'{chat.ChatId}' is not a Discord channel id");
        return chat.Platform == Name && IsSnowflake(chat.ChatId);
    }

    private static bool IsSnowflake(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);
}
