namespace UpdateBot.StandIns.Telegram;

/// <summary>
/// The three Telegram ceilings: a 1-second window for the bot, a token bucket per chat, a 1-minute window per group.
/// Answers how long to wait, or null when the message may go now. Not thread-safe: the stand-in calls it under its lock.
/// </summary>
internal sealed class BroadcastLimiter(TimeProvider time)
{
    private readonly Queue<DateTimeOffset> global = new();
    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> chats = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> groups = [];

    public TimeSpan? TryAcquire(TelegramStandInLimits limits, long chatId, bool isGroup)
    {
        if (!limits.Enforce)
        {
            return null;
        }

        var now = time.GetUtcNow();
        Trim(global, now - TimeSpan.FromSeconds(1));
        if (global.Count >= limits.GlobalPerSecond)
        {
            return global.Peek() + TimeSpan.FromSeconds(1) - now;
        }

        var (tokens, at) = chats.TryGetValue(chatId, out var bucket) ? bucket : (limits.PerChatBurst, now);
        tokens = Math.Min(limits.PerChatBurst, tokens + ((now - at).TotalSeconds * limits.PerChatPerSecond));
        if (tokens < 1)
        {
            chats[chatId] = (tokens, now);
            return TimeSpan.FromSeconds((1 - tokens) / limits.PerChatPerSecond);
        }

        Queue<DateTimeOffset>? window = null;
        if (isGroup)
        {
            window = groups.TryGetValue(chatId, out var existing) ? existing : groups[chatId] = new Queue<DateTimeOffset>();
            Trim(window, now - TimeSpan.FromMinutes(1));
            if (window.Count >= limits.PerGroupPerMinute)
            {
                chats[chatId] = (tokens, now);
                return window.Peek() + TimeSpan.FromMinutes(1) - now;
            }
        }

        chats[chatId] = (tokens - 1, now);
        window?.Enqueue(now);
        global.Enqueue(now);
        return null;
    }

    private static void Trim(Queue<DateTimeOffset> window, DateTimeOffset since)
    {
        while (window.Count > 0 && window.Peek() <= since)
        {
            window.Dequeue();
        }
    }
}
