namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Turns the timestamp headings of one page, in document order, into instants: years from the page's metadata,
/// else the latest year not after "now" whose weekday matches; bare times take their day from the nearest dated
/// heading or from the page's dates, rolling over midnight in the page's reading order.
/// </summary>
internal static class DateResolver
{
    public static DateTimeOffset[] Resolve(IReadOnlyList<TimestampParts> headings, PageContext page)
    {
        var result = new DateTimeOffset?[headings.Count];
        DateTimeOffset? previous = null;
        for (var i = 0; i < headings.Count; i++)
        {
            var parts = headings[i];
            if (parts.Instant is { } instant)
            {
                result[i] = instant;
            }
            else if (parts.HasDate && DateOf(parts, page) is { } date)
            {
                result[i] = Combine(date, parts, page.Zone, previous);
            }

            previous = result[i] ?? previous;
        }

        var newestFirst = IsNewestFirst(headings, result);
        ResolveBareTimes(headings, result, page, newestFirst);
        return result.Select(r => r ?? page.Now).ToArray();
    }

    private static void ResolveBareTimes(IReadOnlyList<TimestampParts> headings, DateTimeOffset?[] result, PageContext page, bool newestFirst)
    {
        // Bare times after a dated heading continue from it.
        DateOnly? day = null;
        var lastMinutes = 0;
        var firstDated = -1;
        for (var i = 0; i < headings.Count; i++)
        {
            if (result[i] is { } known)
            {
                firstDated = firstDated < 0 ? i : firstDated;
                var local = ToLocal(known, page.Zone);
                day = DateOnly.FromDateTime(local);
                lastMinutes = (local.Hour * 60) + local.Minute;
                continue;
            }

            if (day is null)
            {
                continue;
            }

            var minutes = (headings[i].Hour * 60) + headings[i].Minute;
            if (newestFirst && minutes > lastMinutes)
            {
                day = day.Value.AddDays(-1);
            }
            else if (!newestFirst && minutes < lastMinutes)
            {
                day = day.Value.AddDays(1);
            }

            lastMinutes = minutes;
            result[i] = Combine(day.Value, headings[i], page.Zone, i > 0 ? result[i - 1] : null);
        }

        var leading = firstDated < 0 ? headings.Count : firstDated;
        if (leading == 0)
        {
            return;
        }

        // A leading run of bare times: anchored at the blog's start (published) or at its newest end.
        var chronological = Enumerable.Range(0, leading).ToList();
        if (newestFirst)
        {
            chronological.Reverse();
        }

        if (page.Published is { } published && page.Modified is null)
        {
            var start = ToLocal(published, page.Zone);
            var current = DateOnly.FromDateTime(start);
            var last = -1;
            DateTimeOffset? neighbour = null;
            foreach (var i in chronological)
            {
                var minutes = (headings[i].Hour * 60) + headings[i].Minute;
                if (last >= 0 && minutes < last)
                {
                    current = current.AddDays(1);
                }

                last = minutes;
                result[i] = Combine(current, headings[i], page.Zone, neighbour);
                neighbour = result[i];
            }

            return;
        }

        var anchor = ToLocal(page.Modified ?? page.Now, page.Zone);
        var anchorDay = DateOnly.FromDateTime(anchor);
        var anchorMinutes = (anchor.Hour * 60) + anchor.Minute;
        var next = int.MaxValue;
        DateTimeOffset? later = null;
        for (var k = chronological.Count - 1; k >= 0; k--)
        {
            var i = chronological[k];
            var minutes = (headings[i].Hour * 60) + headings[i].Minute;
            if (next == int.MaxValue)
            {
                if (minutes > anchorMinutes + 1)
                {
                    anchorDay = anchorDay.AddDays(-1);
                }
            }
            else if (minutes > next)
            {
                anchorDay = anchorDay.AddDays(-1);
            }

            next = minutes;
            result[i] = Combine(anchorDay, headings[i], page.Zone, later);
            later = result[i];
        }
    }

    private static bool IsNewestFirst(IReadOnlyList<TimestampParts> headings, DateTimeOffset?[] known)
    {
        var dated = known.Where(k => k is not null).Select(k => k!.Value).ToList();
        if (dated.Count >= 2 && dated[0] != dated[^1])
        {
            return dated[0] > dated[^1];
        }

        int down = 0, up = 0;
        for (var i = 1; i < headings.Count; i++)
        {
            var a = (headings[i - 1].Hour * 60) + headings[i - 1].Minute;
            var b = (headings[i].Hour * 60) + headings[i].Minute;

            // On a clock face the shorter way round tells the direction: 00:30 then 23:50 is going back 40 minutes.
            var back = ((a - b) % 1440 + 1440) % 1440;
            if (back == 0)
            {
                continue;
            }

            if (back < 720)
            {
                down++;
            }
            else
            {
                up++;
            }
        }

        return down >= up;
    }

    private static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    private static DateTimeOffset Combine(DateOnly day, TimestampParts parts, TimeZoneInfo zone, DateTimeOffset? neighbour)
    {
        var local = day.ToDateTime(new TimeOnly(parts.Hour, parts.Minute));
        return parts.Offset is { } offset ? new DateTimeOffset(local, offset) : ZoneTime.Resolve(local, zone, neighbour);
    }

    private static DateOnly? DateOf(TimestampParts parts, PageContext page)
    {
        var month = parts.Month!.Value;
        var day = parts.Day!.Value;
        if (parts.Year is { } year)
        {
            return Make(year, month, day);
        }

        if ((page.Published ?? page.Modified) is { } reference)
        {
            // The nearest of the day in the reference's year and the years either side (the earlier on a tie),
            // preferring one whose weekday matches.
            var refDay = DateOnly.FromDateTime(ToLocal(reference, page.Zone));
            DateOnly? nearest = null;
            DateOnly? nearestMatching = null;
            for (var y = refDay.Year - 1; y <= refDay.Year + 1; y++)
            {
                if (Make(y, month, day) is not { } candidate)
                {
                    continue;
                }

                var distance = Math.Abs(candidate.DayNumber - refDay.DayNumber);
                if (nearest is null || distance < Math.Abs(nearest.Value.DayNumber - refDay.DayNumber))
                {
                    nearest = candidate;
                }

                if ((parts.Weekday is null || candidate.DayOfWeek == parts.Weekday) &&
                    (nearestMatching is null || distance < Math.Abs(nearestMatching.Value.DayNumber - refDay.DayNumber)))
                {
                    nearestMatching = candidate;
                }
            }

            if ((nearestMatching ?? nearest) is { } chosen)
            {
                return chosen;
            }
        }

        // The latest year not after "now" whose weekday matches.
        var today = DateOnly.FromDateTime(ToLocal(page.Now, page.Zone));
        DateOnly? fallback = null;
        for (var y = today.Year; y >= today.Year - 60; y--)
        {
            if (Make(y, month, day) is not { } candidate || candidate.DayNumber > today.DayNumber + 1)
            {
                continue;
            }

            fallback ??= candidate;
            if (parts.Weekday is null || candidate.DayOfWeek == parts.Weekday)
            {
                return candidate;
            }
        }

        return fallback;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
