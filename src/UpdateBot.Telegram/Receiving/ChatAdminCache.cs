using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace UpdateBot.Telegram.Receiving;

/// <summary>
/// Whether a user administers a group (getChatMember: administrator or creator), remembered briefly so a burst of
/// commands costs one request. Any failure counts as "not an admin": the safe answer.
/// </summary>
internal sealed class ChatAdminCache(
    ITelegramBotClient bot,
    TimeProvider time,
    IOptions<TelegramOptions> options,
    TokenScrubber scrubber,
    ILogger<ChatAdminCache> logger)
{
    private const int MaxEntries = 10_000;
    private readonly Dictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset Expires)> entries = [];
    private readonly Lock gate = new();

    public async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (entries.TryGetValue((chatId, userId), out var cached) && cached.Expires > now)
            {
                return cached.IsAdmin;
            }
        }

        bool isAdmin;
        try
        {
            var member = await bot.GetChatMember(chatId, userId, cancellationToken);
            isAdmin = member.Status is ChatMemberStatus.Administrator or ChatMemberStatus.Creator;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TelegramLog.AdminCheckFailed(logger, userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), scrubber.Safe(exception));
            return false;
        }

        lock (gate)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[(chatId, userId)] = (isAdmin, now + options.Value.AdminCacheDuration);
        }

        return isAdmin;
    }
}
