using UpdateBot.Core.Sources;

namespace UpdateBot.Sources.Watching;

/// <summary>
/// Whether an unchanged poll's new state is worth a store write. When nothing changed but the times of the last
/// attempt and success, the write is skipped while the stored success is recent (<see cref="HealthRefresh"/>): an
/// unchanged poll then costs no database write, and the health shown by /status and the metrics is at most that
/// old. Changes, errors and recoveries are always written at once.
/// </summary>
internal static class SourceStateWrites
{
    public static readonly TimeSpan HealthRefresh = TimeSpan.FromMinutes(1);

    public static bool IsWorthSaving(SourceState? stored, SourceState next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (stored?.LastSuccess is not { } lastSuccess || now - lastSuccess >= HealthRefresh || now < lastSuccess)
        {
            return true;
        }

        return stored with { LastAttempt = next.LastAttempt, LastSuccess = next.LastSuccess } != next;
    }
}
