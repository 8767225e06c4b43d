namespace UpdateBot.Core.Operations;

/// <summary>
/// The delivery queue of one platform ("telegram", "discord", "console"): jobs waiting, and jobs sent or given up
/// since the store began counting. <paramref name="OldestPending"/> is when the oldest waiting job was created.
/// </summary>
public sealed record PlatformQueueStats(string Platform, long Pending, long Sent, long Failed, DateTimeOffset? OldestPending = null);
