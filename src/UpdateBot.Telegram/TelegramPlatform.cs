using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;
using UpdateBot.Telegram.Rendering;

namespace UpdateBot.Telegram;

/// <summary>
/// Telegram as the core sees it: renders messages as HTML, makes the requests, and reports what Telegram said as a
/// <see cref="SendResult"/>. It never retries on its own (Telegram.Bot's 429 retry is switched off) and never throws
/// for platform errors; the only second request is the plain-text resend when Telegram cannot parse the HTML.
/// </summary>
internal sealed class TelegramPlatform(
    ITelegramBotClient bot,
    TokenScrubber scrubber,
    SentPartsCache sent,
    ILogger<TelegramPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "telegram";

    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public string Name => PlatformName;

    /// <summary>Telegram's documented ceilings: 30 messages/s per bot, 1/s per chat, 20/min per group.</summary>
    public PlatformLimits Limits { get; } = new(30, 1, 20, GroupIdPrefix: "-");

    public Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        return TelegramChatIds.TryParse(chat, out var chatId)
            ? SendAsync(chatId, chat, message, idempotencyKey, cancellationToken)
            : Task.FromResult(NotTelegram(chat));
    }

    public async Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(messageIds);
        ArgumentNullException.ThrowIfNull(message);
        if (!TelegramChatIds.TryParse(chat, out var chatId))
        {
            return NotTelegram(chat);
        }

        var rendered = MessageRenderer.RenderAsText(message);
        var textParts = rendered.Parts;
        var kept = new List<string>();
        var textIndex = 0;
        foreach (var value in messageIds)
        {
            if (!TelegramChatIds.TryParseMessageId(value, out var id, out var photo))
            {
                return SendResult.Failed(SendOutcome.Rejected, "not a Telegram message id");
            }

            SendResult? failure;
            if (photo)
            {
                var caption = MessageRenderer.RenderCaption(message);
                failure = await EditCaptionAsync(chatId, chat, id, caption, rendered.Keyboard, cancellationToken);
            }
            else if (textIndex < textParts.Count)
            {
                var keyboard = textIndex == textParts.Count - 1 ? rendered.Keyboard : null;
                failure = await EditTextAsync(chatId, chat, id, textParts[textIndex++], keyboard, cancellationToken);
            }
            else
            {
                // The new version needs fewer messages than the old one: remove the leftovers.
                failure = await DeleteOneAsync(chatId, chat, id, cancellationToken);
                if (failure is null)
                {
                    continue;
                }
            }

            if (failure is not null)
            {
                return failure with { MessageIds = kept };
            }

            kept.Add(value);
        }

        // The new version needs more messages: post the rest after the edited ones.
        for (; textIndex < textParts.Count && kept.Count > 0; textIndex++)
        {
            var keyboard = textIndex == textParts.Count - 1 ? rendered.Keyboard : null;
            var (result, id) = await SendTextAsync(chatId, chat, textParts[textIndex], keyboard, cancellationToken);
            if (id is null)
            {
                return result! with { MessageIds = kept };
            }

            kept.Add(id);
        }

        return SendResult.Sent(kept);
    }

    public async Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(messageIds);
        if (!TelegramChatIds.TryParse(chat, out var chatId))
        {
            return NotTelegram(chat);
        }

        foreach (var value in messageIds)
        {
            if (!TelegramChatIds.TryParseMessageId(value, out var id, out _))
            {
                return SendResult.Failed(SendOutcome.Rejected, "not a Telegram message id");
            }

            if (await DeleteOneAsync(chatId, chat, id, cancellationToken) is { } failure)
            {
                return failure;
            }
        }

        return SendResult.Sent(messageIds);
    }

    /// <summary>Sends a message; with an idempotency key, parts already delivered for that key are not sent again.</summary>
    internal async Task<SendResult> SendAsync(ChatId chatId, ChatAddress chat, OutgoingMessage message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var key = idempotencyKey ?? "";
        var (done, complete) = key.Length > 0 ? sent.Get(key) : ([], false);
        if (complete)
        {
            return SendResult.Sent(done);
        }

        var rendered = MessageRenderer.Render(message);
        if (rendered.IsEmpty)
        {
            return SendResult.Failed(SendOutcome.Rejected, "message text is empty");
        }

        if (rendered is { PhotoUrl: { } photoUrl, Caption: { } caption } && done.Count == 0)
        {
            var (result, id, photoProblem) = await SendPhotoAsync(chatId, chat, photoUrl, caption, rendered.Keyboard, cancellationToken);
            if (id is not null)
            {
                sent.Save(key, [id], complete: true);
                return SendResult.Sent([id]);
            }

            if (!photoProblem)
            {
                return result!;
            }

            // The picture itself was refused (unreachable, wrong type): the entry still goes out, as text.
            TelegramLog.PhotoRefused(logger, chat.ToString(), result?.Error ?? "");
            rendered = MessageRenderer.RenderAsText(message);
        }

        var ids = done.ToList();
        for (var i = ids.Count; i < rendered.Parts.Count; i++)
        {
            var keyboard = i == rendered.Parts.Count - 1 ? rendered.Keyboard : null;
            var (result, id) = await SendTextAsync(chatId, chat, rendered.Parts[i], keyboard, cancellationToken);
            if (id is null)
            {
                sent.Save(key, ids, complete: false);
                return result! with { MessageIds = ids };
            }

            ids.Add(id);
        }

        sent.Save(key, ids, complete: true);
        return SendResult.Sent(ids);
    }

    /// <summary>Shows a place on the map (sendVenue): a public place from an entry, never a user's location.</summary>
    internal async Task<SendResult> SendVenueAsync(ChatId chatId, ChatAddress chat, MessageVenue venue, CancellationToken cancellationToken)
    {
        if (!double.IsFinite(venue.Latitude) || !double.IsFinite(venue.Longitude) || Math.Abs(venue.Latitude) > 90 || Math.Abs(venue.Longitude) > 180)
        {
            return SendResult.Failed(SendOutcome.Rejected, "venue coordinates out of range");
        }

        try
        {
            var sentMessage = await bot.SendVenue(
                chatId: chatId,
                latitude: venue.Latitude,
                longitude: venue.Longitude,
                title: Shorten(venue.Title, 100),
                address: Shorten(venue.Address, 200),
                cancellationToken: cancellationToken);
            return SendResult.Sent([TelegramChatIds.MessageId(sentMessage.MessageId, photo: false)]);
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
        {
            return Failure("sendVenue", chat, exception);
        }
    }

    /// <summary>Replaces the text (or caption) of one message, e.g. the one whose button was pressed.</summary>
    internal async Task<SendResult> ReplaceAsync(ChatId chatId, ChatAddress chat, int messageId, bool isPhoto, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var rendered = MessageRenderer.RenderAsText(message);
        if (rendered.IsEmpty)
        {
            return SendResult.Failed(SendOutcome.Rejected, "message text is empty");
        }

        var failure = isPhoto
            ? await EditCaptionAsync(chatId, chat, messageId, MessageRenderer.RenderCaption(message), rendered.Keyboard, cancellationToken)
            : await EditTextAsync(chatId, chat, messageId, rendered.Parts[0], rendered.Parts.Count == 1 ? rendered.Keyboard : null, cancellationToken);
        return failure ?? SendResult.Sent([TelegramChatIds.MessageId(messageId, isPhoto)]);
    }

    private async Task<(SendResult? Failure, string? Id)> SendTextAsync(
        ChatId chatId, ChatAddress chat, RenderedPart part, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        try
        {
            var message = await SendText(part.Html, ParseMode.Html);
            return (null, TelegramChatIds.MessageId(message.MessageId, photo: false));
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken) && TelegramErrors.IsCantParseEntities(exception))
        {
            TelegramLog.SentAsPlainText(logger, chat.ToString());
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
        {
            return (Failure("sendMessage", chat, exception), null);
        }

        try
        {
            var message = await SendText(part.Plain, ParseMode.None);
            return (null, TelegramChatIds.MessageId(message.MessageId, photo: false));
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
        {
            return (Failure("sendMessage", chat, exception), null);
        }

        Task<Message> SendText(string text, ParseMode mode) => bot.SendMessage(
            chatId: chatId,
            text: text,
            parseMode: mode,
            replyMarkup: keyboard,
            linkPreviewOptions: NoPreview,
            cancellationToken: cancellationToken);
    }

    private async Task<(SendResult? Failure, string? Id, bool PhotoProblem)> SendPhotoAsync(
        ChatId chatId, ChatAddress chat, string url, RenderedPart caption, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        try
        {
            var message = await SendPhoto(caption.Html, ParseMode.Html);
            return (null, TelegramChatIds.MessageId(message.MessageId, photo: true), false);
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken) && TelegramErrors.IsCantParseEntities(exception))
        {
            TelegramLog.SentAsPlainText(logger, chat.ToString());
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
        {
            return (Failure("sendPhoto", chat, exception), null, TelegramErrors.IsPhotoProblem(exception));
        }

        try
        {
            var message = await SendPhoto(caption.Plain, ParseMode.None);
            return (null, TelegramChatIds.MessageId(message.MessageId, photo: true), false);
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
        {
            return (Failure("sendPhoto", chat, exception), null, TelegramErrors.IsPhotoProblem(exception));
        }

        Task<Message> SendPhoto(string text, ParseMode mode) => bot.SendPhoto(
            chatId: chatId,
            photo: InputFile.FromUri(url),
            caption: text,
            parseMode: mode,
            replyMarkup: keyboard,
            cancellationToken: cancellationToken);
    }

    private Task<SendResult?> EditTextAsync(
        ChatId chatId, ChatAddress chat, int messageId, RenderedPart part, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        EditWithFallbackAsync("editMessageText", chat, part, (text, mode) => bot.EditMessageText(
            chatId: chatId,
            messageId: messageId,
            text: text,
            parseMode: mode,
            replyMarkup: keyboard,
            linkPreviewOptions: NoPreview,
            cancellationToken: cancellationToken), cancellationToken);

    private Task<SendResult?> EditCaptionAsync(
        ChatId chatId, ChatAddress chat, int messageId, RenderedPart caption, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        EditWithFallbackAsync("editMessageCaption", chat, caption, (text, mode) => bot.EditMessageCaption(
            chatId: chatId,
            messageId: messageId,
            caption: text,
            parseMode: mode,
            replyMarkup: keyboard,
            cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Edits with the HTML; if Telegram cannot parse it, edits again with the plain text. "Not modified" is success.
    /// Null means done; otherwise the failure to report.
    /// </summary>
    private async Task<SendResult?> EditWithFallbackAsync(
        string method, ChatAddress chat, RenderedPart part, Func<string, ParseMode, Task> edit, CancellationToken cancellationToken)
    {
        foreach (var (text, mode) in new[] { (part.Html, ParseMode.Html), (part.Plain, ParseMode.None) })
        {
            try
            {
                await edit(text, mode);
                return null;
            }
            catch (Exception exception) when (IsPlatformError(exception, cancellationToken) && TelegramErrors.IsNotModified(exception))
            {
                return null;
            }
            catch (Exception exception) when (IsPlatformError(exception, cancellationToken) && mode == ParseMode.Html && TelegramErrors.IsCantParseEntities(exception))
            {
                TelegramLog.SentAsPlainText(logger, chat.ToString());
            }
            catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
            {
                return Failure(method, chat, exception);
            }
        }

        return null;
    }

    private async Task<SendResult?> DeleteOneAsync(ChatId chatId, ChatAddress chat, int messageId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.DeleteMessage(chatId: chatId, messageId: messageId, cancellationToken: cancellationToken);
            return null;
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken) && TelegramErrors.IsMessageGone(exception))
        {
            return null;
        }
        catch (Exception exception) when (IsPlatformError(exception, cancellationToken))
        {
            return Failure("deleteMessage", chat, exception);
        }
    }

    private SendResult Failure(string operation, ChatAddress chat, Exception exception)
    {
        var result = TelegramErrors.Map(exception, scrubber);
        TelegramLog.SendFailed(logger, operation, chat.ToString(), result.Outcome.ToString(), result.Error);
        return result;
    }

    /// <summary>Everything but our own cancellation is the platform's answer, reported as a result.</summary>
    private static bool IsPlatformError(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private static SendResult NotTelegram(ChatAddress chat) =>
        SendResult.Failed(SendOutcome.Rejected, $"'{chat}' is not a Telegram chat address");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
