namespace UpdateBot.Events.Extraction;

/// <summary>What a piece of text says about when: resolved against the entry's publication time in the feed's zone.</summary>
internal sealed record Temporal
{
    /// <summary>The local date, when one was given or implied (a clock time alone implies the publication day).</summary>
    public DateOnly? Date { get; init; }

    public TimeOnly? Time { get; init; }

    /// <summary>The date came from the text (not implied by a clock time alone).</summary>
    public bool DateGiven { get; init; }

    public TimeOnly? EndTime { get; init; }

    /// <summary>morning, lunchtime, afternoon, evening or night, when named without a clock time.</summary>
    public string? PartOfDay { get; init; }

    /// <summary>The text points to the past ("yesterday", "last night", "3 days ago") and to no later day.</summary>
    public bool Past { get; init; }

    /// <summary>A date or a time was found.</summary>
    public bool HasAnchor => Date is not null || Time is not null;

    /// <summary>Position in the text of the first temporal expression (-1 when none).</summary>
    public int Position { get; init; } = -1;

    public static Temporal None { get; } = new();
}
