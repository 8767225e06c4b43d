using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Events;

/// <summary>
/// What each chat was told about each event, kept in the store that every instance shares: the record that makes
/// a reminder, move or cancellation notice go out once among live instances, and at least once across crashes. What
/// was told is an opaque text chosen by the caller (the reminder planner); the log only compares it.
/// </summary>
/// <remarks>
/// Each record is either settled (sent, or needing no notice) or a claim in flight: claimed by an owner at a time, with
/// what the chat was told before it. A claim in flight ends by <see cref="ConfirmAsync"/> (sent) or
/// <see cref="ReleaseAsync"/> (not sent). One still in flight after its lifetime counts as abandoned: to readers and to
/// claimers it looks as if it had been given back, so the next round sends the notice again (at most one duplicate per
/// crash, when the holder sent but died before confirming). Records written before claims had a state are settled.
/// </remarks>
public interface IReminderLog
{
    /// <summary>
    /// What <paramref name="chat"/> was told about each event (event id → told): settled, or claimed and in flight.
    /// A claim in flight since before <paramref name="abandonedBefore"/> counts as abandoned: what was told before it.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ToldAsync(ChatAddress chat, DateTimeOffset abandonedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims, for <paramref name="claim"/>'s owner, that <paramref name="chat"/> is told <paramref name="told"/>
    /// about the event, if what it was told is still <paramref name="expected"/> (null: nothing yet) and settled, or if
    /// it is a claim from <paramref name="expected"/> abandoned before <see cref="ReminderClaim.AbandonedBefore"/> (a
    /// takeover). A claim in flight that is not abandoned blocks every other claim. Of several callers racing with the
    /// same <paramref name="expected"/>, exactly one gets true: that one sends. The record is kept at least until
    /// <paramref name="keepUntil"/>.
    /// </summary>
    Task<bool> TryClaimAsync(ChatAddress chat, string eventId, string? expected, string told, DateTimeOffset keepUntil, ReminderClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Settles a claim whose notice was sent (or needs none, or will never be sent): it is never taken over. False when
    /// the claim is no longer there as <paramref name="claim"/> made it (it was abandoned and taken over).
    /// </summary>
    Task<bool> ConfirmAsync(ChatAddress chat, string eventId, string told, ReminderClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back a claim whose send failed, so the next round tries again: what the chat was told goes back to what it
    /// was before the claim (no record, if nothing). Changes nothing when the claim is no longer there as
    /// <paramref name="claim"/> made it.
    /// </summary>
    Task ReleaseAsync(ChatAddress chat, string eventId, string told, ReminderClaim claim, CancellationToken cancellationToken);

    /// <summary>Forgets the records kept until before <paramref name="before"/>. Returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
