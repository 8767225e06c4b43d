using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;

namespace UpdateBot.Telegram.Receiving;

/// <summary>
/// Turns one Telegram update into the core's <see cref="Inbound"/>, asks the command handler, and sends the answer
/// back. Nothing platform-specific passes inward; a shared location is used for this one answer and never logged.
/// </summary>
internal sealed class TelegramUpdateRouter(
    ICommandHandler commands,
    TelegramBotIdentity identity,
    ChatAdminCache admins,
    TelegramPlatform platform,
    ITelegramBotClient bot,
    TokenScrubber scrubber,
    IServiceProvider services,
    ILogger<TelegramUpdateRouter> logger)
{
    private const int MaxNoticeLength = 200;

    public Task RouteAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { MigrateToChatId: { } to } message } => OnMigratedAsync(message.Chat.Id, to, cancellationToken),
            { Message: { From.IsBot: true } } => Ignore(update, "sent by a bot"),
            { Message: { Location: { } location } message } => OnLocationAsync(message, location, cancellationToken),
            { Message: { Text: { } text } message } => OnTextAsync(message, text, cancellationToken),
            { ChannelPost: { Text: { } text } post } => OnTextAsync(post, text, cancellationToken),
            { CallbackQuery: { } query } => OnCallbackAsync(query, cancellationToken),
            { MyChatMember: { } change } => OnMembershipAsync(change, cancellationToken),
            _ => Ignore(update, update.Type.ToString()),
        };
    }

    private async Task OnTextAsync(Message message, string text, CancellationToken cancellationToken)
    {
        var kind = KindOf(message.Chat.Type);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('/'))
        {
            if (!TryStripBotName(trimmed, out trimmed))
            {
                return;
            }
        }
        else if (kind != ChatKind.Private)
        {
            // In groups and channels the bot only listens to commands.
            return;
        }

        var inbound = new Inbound
        {
            Chat = TelegramChatIds.Address(message.Chat.Id),
            User = UserOf(message),
            ChatKind = kind,
            Text = trimmed,
            IsChatAdmin = await IsChatAdminAsync(message, CommandName(trimmed), cancellationToken),
        };
        var response = await commands.HandleAsync(inbound, cancellationToken);
        await SendAsync(message.Chat.Id, response.Messages, cancellationToken);
    }

    private async Task OnLocationAsync(Message message, Location location, CancellationToken cancellationToken)
    {
        var inbound = new Inbound
        {
            Chat = TelegramChatIds.Address(message.Chat.Id),
            User = UserOf(message),
            ChatKind = KindOf(message.Chat.Type),
            Location = new GeoPoint(location.Latitude, location.Longitude),
            IsChatAdmin = await IsChatAdminAsync(message, "events", cancellationToken),
        };
        var response = await commands.HandleAsync(inbound, cancellationToken);
        await SendAsync(message.Chat.Id, response.Messages, cancellationToken);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        if (query is not { Data: { Length: > 0 } data, Message: { } message })
        {
            await AnswerAsync(query, "That button has expired.", cancellationToken);
            return;
        }

        var colon = data.IndexOf(':', StringComparison.Ordinal);
        var inbound = new Inbound
        {
            Chat = TelegramChatIds.Address(message.Chat.Id),
            User = TelegramChatIds.User(query.From.Id, query.From.Username ?? query.From.FirstName),
            ChatKind = KindOf(message.Chat.Type),
            CallbackData = data,
            IsChatAdmin = await IsChatAdminAsync(message, colon < 0 ? data : data[..colon], cancellationToken, query.From.Id),
        };
        var response = await commands.HandleAsync(inbound, cancellationToken);

        // Answer first: the user's client shows a spinner until the query is answered.
        await AnswerAsync(query, response.Notice, cancellationToken);
        var messages = response.Messages;
        if (response.ReplaceOriginal && messages.Count > 0)
        {
            var chat = TelegramChatIds.Address(message.Chat.Id);
            var result = await platform.ReplaceAsync(message.Chat.Id, chat, message.MessageId, message.Photo is not null, messages[0], cancellationToken);
            Report(chat, result);
            messages = messages.Skip(1).ToList();
        }

        await SendAsync(message.Chat.Id, messages, cancellationToken);
    }

    private async Task OnMigratedAsync(long from, long to, CancellationToken cancellationToken)
    {
        var old = TelegramChatIds.Address(from);
        var moved = TelegramChatIds.Address(to);
        TelegramLog.ChatMigrated(logger, old.ToString(), moved.ToString());
        if (services.GetService<ISubscriptionStore>() is { } store)
        {
            await store.MoveChatAsync(old, moved, cancellationToken);
        }
    }

    private async Task OnMembershipAsync(ChatMemberUpdated change, CancellationToken cancellationToken)
    {
        var chat = TelegramChatIds.Address(change.Chat.Id);
        var status = change.NewChatMember.Status;
        TelegramLog.MembershipChanged(logger, chat.ToString(), status.ToString());
        if (status is ChatMemberStatus.Kicked or ChatMemberStatus.Left && services.GetService<ISubscriptionStore>() is { } store)
        {
            // Blocked by the user or removed from the group: stop sending until someone subscribes again.
            await store.SetPausedAsync(chat, change.Chat.Type == ChatType.Private ? "bot was blocked by the user" : "bot was removed from the chat", cancellationToken);
        }
    }

    private async Task SendAsync(long chatId, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var chat = TelegramChatIds.Address(chatId);
        foreach (var message in messages)
        {
            var result = await platform.SendAsync(chatId, chat, message, idempotencyKey: null, cancellationToken);
            Report(chat, result);
            if (result.Outcome == SendOutcome.Sent && message.Venue is { } venue)
            {
                Report(chat, await platform.SendVenueAsync(chatId, chat, venue, cancellationToken));
            }
        }
    }

    private void Report(ChatAddress chat, SendResult result)
    {
        if (result.Outcome != SendOutcome.Sent)
        {
            TelegramLog.ReplyFailed(logger, chat.ToString(), result.Outcome.ToString(), result.Error);
        }
    }

    private async Task AnswerAsync(CallbackQuery query, string? notice, CancellationToken cancellationToken)
    {
        if (notice is { Length: > MaxNoticeLength })
        {
            notice = notice[..(MaxNoticeLength - 1)] + "…";
        }

        try
        {
            await bot.AnswerCallbackQuery(callbackQueryId: query.Id, text: notice, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An old query ("query is too old") cannot be answered any more; the press itself was handled.
            var chat = query.Message is { } message ? TelegramChatIds.Address(message.Chat.Id).ToString() : "an inline message";
            TelegramLog.CallbackAnswerFailed(logger, chat, scrubber.Safe(exception));
        }
    }

    /// <summary>
    /// "/latest@ThisBot 3" becomes "/latest 3"; "/latest@OtherBot" is not for us. Without a suffix the command is ours.
    /// </summary>
    private bool TryStripBotName(string text, out string command)
    {
        var end = text.AsSpan().IndexOfAny(" \t\n\r");
        var head = end < 0 ? text : text[..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            command = text;
            return true;
        }

        if (!string.Equals(head[(at + 1)..], identity.Username, StringComparison.OrdinalIgnoreCase))
        {
            command = "";
            return false;
        }

        command = head[..at] + (end < 0 ? "" : text[end..]);
        return true;
    }

    /// <summary>Admin status matters only for group commands meant for chat admins; it costs a request, so ask only then.</summary>
    private async Task<bool> IsChatAdminAsync(Message message, string command, CancellationToken cancellationToken, long? userId = null)
    {
        switch (message.Chat.Type)
        {
            case ChatType.Channel:
                // Only a channel's admins can post in it.
                return true;
            case ChatType.Group or ChatType.Supergroup:
                if (userId is null && message.SenderChat?.Id == message.Chat.Id)
                {
                    // An anonymous admin posts as the group itself.
                    return true;
                }

                var definition = commands.Definitions.FirstOrDefault(d => string.Equals(d.Name, command, StringComparison.OrdinalIgnoreCase));
                var user = userId ?? message.From?.Id;
                return definition?.Audience == CommandAudience.ChatAdmins && user is { } id
                    && await admins.IsAdminAsync(message.Chat.Id, id, cancellationToken);
            default:
                return false;
        }
    }

    private static string CommandName(string text)
    {
        if (!text.StartsWith('/'))
        {
            return "";
        }

        var end = text.AsSpan().IndexOfAny(" \t\n\r");
        return end < 0 ? text[1..] : text[1..end];
    }

    private static UserRef UserOf(Message message) => message switch
    {
        { From: { } from } when message.SenderChat is null => TelegramChatIds.User(from.Id, from.Username ?? from.FirstName),
        { SenderChat: { } sender } => TelegramChatIds.User(sender.Id, sender.Title ?? sender.Username),
        _ => TelegramChatIds.User(message.Chat.Id, message.Chat.Title),
    };

    private static ChatKind KindOf(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };

    private Task Ignore(Update update, string reason)
    {
        TelegramLog.UpdateIgnored(logger, update.Id, reason);
        return Task.CompletedTask;
    }
}
