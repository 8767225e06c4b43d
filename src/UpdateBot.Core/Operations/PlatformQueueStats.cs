namespace UpdateBot.Core.Operations;

/// <summary>
/// The delivery queue of one platform ("telegram", "discord", "console"): jobs waiting, jobs sent, jobs given up
/// (failed) and jobs dropped because their destination was paused (cancelled).
/// </summary>
public sealed record PlatformQueueStats(string Platform, long Pending, long Sent, long Failed, long Cancelled = 0);
