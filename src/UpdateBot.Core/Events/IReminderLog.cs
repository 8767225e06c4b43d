using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Events;

/// <summary>
/// What each chat was last told about each event, kept in the store that every instance shares: the record that makes
/// a reminder, move or cancellation notice go out once, across restarts and across instances. What was told is an
/// opaque text chosen by the caller (the reminder planner); the log only compares it.
/// </summary>
public interface IReminderLog
{
    /// <summary>What <paramref name="chat"/> was last told about each event it was told about (event id → told).</summary>
    Task<IReadOnlyDictionary<string, string>> ToldAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically records that <paramref name="chat"/> is told <paramref name="told"/> about the event, if what it was
    /// told so far is still <paramref name="expected"/> (null: nothing yet). Of several callers racing with the same
    /// <paramref name="expected"/>, exactly one gets true: that one sends. The record is kept at least until
    /// <paramref name="keepUntil"/>.
    /// </summary>
    Task<bool> TryClaimAsync(ChatAddress chat, string eventId, string? expected, string told, DateTimeOffset keepUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back a claim whose send failed, so the next round tries again: what the chat was told goes back to
    /// <paramref name="previous"/> (null: nothing), if it is still <paramref name="told"/>.
    /// </summary>
    Task ReleaseAsync(ChatAddress chat, string eventId, string told, string? previous, CancellationToken cancellationToken);

    /// <summary>Forgets the records kept until before <paramref name="before"/>. Returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
