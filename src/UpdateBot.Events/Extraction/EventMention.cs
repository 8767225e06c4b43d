namespace UpdateBot.Events.Extraction;

/// <summary>One statement about an event in one entry: it is on, it moved, or it is off.</summary>
internal sealed record EventMention
{
    public required MentionAction Action { get; init; }

    /// <summary>Null for "It has been called off" when the sentence names no kind.</summary>
    public string? Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>For announcements and moves: the (new) local date; for cancellations: the date that identifies the event.</summary>
    public DateOnly? Date { get; init; }

    public bool DateGiven { get; init; }

    public TimeOnly? Time { get; init; }

    public TimeOnly? EndTime { get; init; }

    public string? PartOfDay { get; init; }

    /// <summary>For moves: the date and kind that identify the event before the move ("Thursday's meeting has been moved…").</summary>
    public DateOnly? TargetDate { get; init; }

    public int PlaceIndex { get; init; } = -1;

    public string? Venue { get; init; }

    public required string EntryId { get; init; }

    public required string SourceName { get; init; }

    public string? Url { get; init; }

    public required DateTimeOffset Published { get; init; }

    /// <summary>Position of the mention within its entry (for stable ids).</summary>
    public required int Ordinal { get; init; }
}
