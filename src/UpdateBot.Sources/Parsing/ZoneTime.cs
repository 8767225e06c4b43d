namespace UpdateBot.Sources.Parsing;

/// <summary>Turns a wall-clock time in a zone into an instant, handling DST gaps and overlaps.</summary>
internal static class ZoneTime
{
    /// <summary>
    /// A time in a DST gap (01:30 on a spring-forward night) moves forward by the gap, as clocks did; a time in an
    /// overlap takes the offset that keeps it nearest <paramref name="neighbour"/> (the previous entry), else the
    /// first occurrence.
    /// </summary>
    public static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone, DateTimeOffset? neighbour)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var after = zone.GetUtcOffset(local.AddHours(3));
            var shifted = local + (after - before);
            return new DateTimeOffset(shifted, zone.GetUtcOffset(shifted));
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var candidates = offsets.Select(o => new DateTimeOffset(local, o)).OrderBy(c => c.UtcDateTime).ToArray();
            if (neighbour is { } n)
            {
                return candidates.MinBy(c => (c - n).Duration());
            }

            return candidates[0];
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
