using System.Globalization;
using Telegram.Bot.Types;
using UpdateBot.Core.Chats;

namespace UpdateBot.Telegram;

/// <summary>Converts between the core's chat and message addresses and Telegram's ids.</summary>
internal static class TelegramChatIds
{
    /// <summary>Message ids of photos carry this prefix: their text is a caption and is edited with editMessageCaption.</summary>
    public const string PhotoPrefix = "photo:";

    public static ChatAddress Address(long chatId) =>
        new(TelegramPlatform.PlatformName, chatId.ToString(CultureInfo.InvariantCulture));

    public static UserRef User(long userId, string? displayName) =>
        new(TelegramPlatform.PlatformName, userId.ToString(CultureInfo.InvariantCulture), displayName);

    public static bool TryParse(ChatAddress chat, out ChatId chatId)
    {
        chatId = default!;
        if (!string.Equals(chat.Platform, TelegramPlatform.PlatformName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (long.TryParse(chat.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id != 0)
        {
            chatId = new ChatId(id);
            return true;
        }

        if (chat.ChatId.Length is > 1 and <= 64 && chat.ChatId[0] == '@')
        {
            chatId = new ChatId(chat.ChatId);
            return true;
        }

        return false;
    }

    public static string MessageId(int id, bool photo) =>
        (photo ? PhotoPrefix : "") + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseMessageId(string value, out int id, out bool photo)
    {
        photo = value.StartsWith(PhotoPrefix, StringComparison.Ordinal);
        var digits = photo ? value[PhotoPrefix.Length..] : value;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
