namespace UpdateBot.Sources.Parsing;

/// <summary>
/// What a timestamp heading says: an exact instant (ISO text, epoch attribute), or a wall-clock time with whatever
/// date parts and offset it names.
/// </summary>
internal sealed record TimestampParts
{
    public DateTimeOffset? Instant { get; init; }

    public int Hour { get; init; }

    public int Minute { get; init; }

    public int? Day { get; init; }

    public int? Month { get; init; }

    public int? Year { get; init; }

    public DayOfWeek? Weekday { get; init; }

    public TimeSpan? Offset { get; init; }

    public bool HasDate => Day is not null && Month is not null;

    public static TimestampParts At(DateTimeOffset instant) =>
        new() { Instant = instant, Hour = instant.Hour, Minute = instant.Minute };

    /// <summary>A UTC instant (epoch, "Z") is shown in the configured zone; a source's own offset is kept.</summary>
    public static DateTimeOffset Localize(DateTimeOffset instant, TimeZoneInfo zone) =>
        instant.Offset == TimeSpan.Zero ? TimeZoneInfo.ConvertTime(instant, zone) : instant;
}
