using UpdateBot.Core.Places;

namespace UpdateBot.Core.Events;

/// <summary>An event announced in an entry (or by a moderator): a demo, rally, meeting…</summary>
public sealed record EventRecord
{
    /// <summary>Stable id: derived from the source, the entry and the mention's position.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Canonical kind: demo, rally, protest, march, vigil, picket, meeting, agm, teach-in, gig, …</summary>
    public required string Kind { get; init; }

    /// <summary>Start in the feed's zone. When <see cref="TimeKnown"/> is false only the date (and part of day) is known.</summary>
    public required DateTimeOffset Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>False when the text gave a date or a part of the day ("Wednesday evening") but no clock time.</summary>
    public bool TimeKnown { get; init; } = true;

    /// <summary>Part of day named without a clock time ("evening", "night"), when there was one.</summary>
    public string? PartOfDay { get; init; }

    public Place? Place { get; init; }

    public string? Venue { get; init; }

    public EventStatus Status { get; init; } = EventStatus.Scheduled;

    /// <summary>The entry that announced it (for moves and cancellations: still the announcing entry).</summary>
    public required string EntryId { get; init; }

    public required string SourceName { get; init; }

    public string? Url { get; init; }

    /// <summary>Added or edited by a moderator.</summary>
    public bool Confirmed { get; init; }

    /// <summary>The last moment the event may still be called upcoming: its start, or the end of its day when no time is known.</summary>
    public DateTimeOffset UpcomingUntil =>
        TimeKnown ? Start : new DateTimeOffset(Start.Date.AddDays(1).AddTicks(-1), Start.Offset);
}
