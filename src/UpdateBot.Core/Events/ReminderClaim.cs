namespace UpdateBot.Core.Events;

/// <summary>
/// A claim on a notice in the <see cref="IReminderLog"/>: who holds it and since when. Only the holder confirms it or
/// gives it back. A claim still in flight a lifetime after it was made is abandoned (its holder died before it sent,
/// or before it said so), and another round may take it over.
/// </summary>
/// <param name="Owner">The holder: one name per running reminder service.</param>
/// <param name="At">When the claim is made.</param>
/// <param name="Lifetime">How long a claim in flight is left to its holder; longer than any send can take.</param>
public sealed record ReminderClaim(string Owner, DateTimeOffset At, TimeSpan Lifetime)
{
    /// <summary>Claims made before this and still in flight count as abandoned.</summary>
    public DateTimeOffset AbandonedBefore => At - Lifetime;
}
