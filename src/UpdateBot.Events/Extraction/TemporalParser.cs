using System.Globalization;
using System.Text.RegularExpressions;

namespace UpdateBot.Events.Extraction;

/// <summary>
/// Finds dates and times in English text ("tonight at 6pm", "next Tuesday, 7.30pm", "Monday 20 March at 6:30pm",
/// "from 11am to 3pm", "starts in half an hour") and resolves them against an anchor (the entry's local publication time).
/// </summary>
internal static partial class TemporalParser
{
    private const string Weekday = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private const string WeekdayShort = "mon|tues?|wed|thu(?:rs?)?|fri|sat|sun";
    private const string Month = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
    private const string Ampm = @"(?:a\.?m\.?|p\.?m\.?)(?![a-z])";
    private const string PartOfDay = "morning|lunchtime|lunch time|afternoon|evening|night";

    public static Temporal Parse(string text, DateTime anchor)
    {
        var taken = new bool[text.Length];
        DateOnly? date = null;
        var datePos = -1;
        string? pod = null;
        var past = false;
        var pastPos = -1;

        // Absolute "in half an hour" gives both date and time.
        var inMatch = InDuration().Match(text);
        if (inMatch.Success && StartsContext().IsMatch(text))
        {
            var minutes = DurationMinutes(inMatch);
            if (minutes > 0)
            {
                var at = anchor.AddSeconds(-anchor.Second).AddMilliseconds(-anchor.Millisecond).AddMinutes(minutes);
                return new Temporal { Date = DateOnly.FromDateTime(at), Time = TimeOnly.FromDateTime(at), Position = inMatch.Index };
            }
        }

        foreach (Match m in DayMonth().Matches(text))
        {
            if (!MonthWordOk(text, m.Groups["mon"]))
            {
                continue;
            }

            var d = ResolveDayMonth(anchor, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), MonthNumber(m.Groups["mon"].Value), m.Groups["y"], m.Groups["wd"]);
            if (d is not null)
            {
                (date, datePos) = Earliest(date, datePos, d.Value, m.Index);
                Take(taken, m);
                pod ??= Pod(m.Groups["pod"]);
            }
        }

        foreach (Match m in MonthDay().Matches(text))
        {
            if (Overlaps(taken, m) || !MonthWordOk(text, m.Groups["mon"]))
            {
                continue;
            }

            var d = ResolveDayMonth(anchor, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), MonthNumber(m.Groups["mon"].Value), m.Groups["y"], m.Groups["wd"]);
            if (d is not null)
            {
                (date, datePos) = Earliest(date, datePos, d.Value, m.Index);
                Take(taken, m);
            }
        }

        foreach (Match m in NumericDate().Matches(text))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                (date, datePos) = Earliest(date, datePos, new DateOnly(year, month, day), m.Index);
                Take(taken, m);
            }
        }

        var today = DateOnly.FromDateTime(anchor);
        foreach (Match m in Relative().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }

            var word = m.Groups["rel"].Value.ToLowerInvariant();
            switch (word)
            {
                case "yesterday":
                    (past, pastPos) = (true, m.Index);
                    continue;
                case "tonight":
                    pod ??= "night";
                    (date, datePos) = Earliest(date, datePos, today, m.Index);
                    break;
                case "today":
                    (date, datePos) = Earliest(date, datePos, today, m.Index);
                    break;
                default:
                    (date, datePos) = Earliest(date, datePos, today.AddDays(1), m.Index);
                    break;
            }

            pod ??= Pod(m.Groups["pod"]);
            Take(taken, m);
        }

        foreach (Match m in ThisPart().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }

            (date, datePos) = Earliest(date, datePos, today, m.Index);
            pod ??= Pod(m.Groups["pod"]);
            Take(taken, m);
        }

        foreach (Match m in PastMarker().Matches(text))
        {
            if (!Overlaps(taken, m))
            {
                past = true;
                pastPos = pastPos < 0 ? m.Index : pastPos;
                Take(taken, m);
            }
        }

        foreach (Match m in WeekdayRef().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }

            var target = WeekdayNumber(m.Groups["wd"].Value);
            var ahead = ((int)target - (int)anchor.DayOfWeek + 7) % 7;
            var qualifier = m.Groups["q"].Value.ToLowerInvariant();
            if (qualifier == "last")
            {
                (past, pastPos) = (true, m.Index);
                Take(taken, m);
                continue;
            }

            if (ahead == 0 && qualifier.StartsWith("next", StringComparison.Ordinal))
            {
                ahead = 7;
            }

            (date, datePos) = Earliest(date, datePos, today.AddDays(ahead), m.Index);
            pod ??= Pod(m.Groups["pod"]);
            Take(taken, m);
        }

        foreach (Match m in OnThe().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }

            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = day >= today.Day ? today : today.AddMonths(1);
            if (day <= DateTime.DaysInMonth(month.Year, month.Month))
            {
                (date, datePos) = Earliest(date, datePos, new DateOnly(month.Year, month.Month, day), m.Index);
                Take(taken, m);
            }
        }

        var (time, end, timePos) = FindTime(text, taken, pod);
        var dateGiven = date is not null;
        if (time is not null && date is null && !past)
        {
            date = today;
            var anchorTime = TimeOnly.FromDateTime(anchor);
            if (anchor.Hour >= 18 && time.Value < anchorTime && (anchorTime - time.Value).TotalHours > 3)
            {
                date = today.AddDays(1);
            }
        }

        if (time is not null)
        {
            pod = null;
        }

        var position = new[] { datePos, timePos, pastPos }.Where(p => p >= 0).DefaultIfEmpty(-1).Min();
        var isPast = past && date is null;
        return new Temporal
        {
            Date = isPast ? null : date,
            DateGiven = dateGiven && !isPast,
            Time = isPast ? null : time,
            EndTime = isPast ? null : end,
            PartOfDay = pod,
            Past = isPast || (date is not null && date.Value < today),
            Position = position,
        };
    }

    /// <summary>Default clock time for a part of the day named without one (the event's time stays unknown).</summary>
    public static TimeOnly DefaultTime(string? partOfDay) => partOfDay switch
    {
        "morning" => new TimeOnly(9, 0),
        "lunchtime" => new TimeOnly(12, 0),
        "afternoon" => new TimeOnly(14, 0),
        "evening" => new TimeOnly(18, 0),
        "night" => new TimeOnly(19, 0),
        _ => TimeOnly.MinValue,
    };

    private static (TimeOnly? Start, TimeOnly? End, int Position) FindTime(string text, bool[] taken, string? pod)
    {
        var evening = pod is "evening" or "night" or "afternoon";
        var morning = pod is "morning";
        foreach (Match m in TimeRange().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }

            var ap2 = m.Groups["ap2"].Value;
            var end = Clock(m.Groups["h2"].Value, m.Groups["m2"].Value, ap2, evening, morning);
            var ap1 = m.Groups["ap1"].Success ? m.Groups["ap1"].Value : ap2;
            var start = Clock(m.Groups["h1"].Value, m.Groups["m1"].Value, ap1, evening, morning);
            if (!m.Groups["ap1"].Success && start is not null && end is not null && start > end && ap2.Length > 0)
            {
                // "11-3pm": the first time is in the morning.
                start = Clock(m.Groups["h1"].Value, m.Groups["m1"].Value, "am", evening, morning);
            }

            if (start is not null && end is not null)
            {
                Take(taken, m);
                return (start, end, m.Index);
            }
        }

        TimeOnly? found = null;
        var position = -1;
        foreach (Match m in ClockTime().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }

            TimeOnly? t;
            if (m.Groups["noon"].Success)
            {
                t = m.Groups["noon"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? new TimeOnly(23, 59) : new TimeOnly(12, 0);
            }
            else
            {
                t = Clock(m.Groups["h"].Value, m.Groups["m"].Value, m.Groups["ap"].Value, evening, morning);
            }

            if (t is not null && (found is null || m.Index < position))
            {
                (found, position) = (t, m.Index);
                Take(taken, m);
                break;
            }
        }

        if (found is null)
        {
            foreach (Match w in WordTime().Matches(text))
            {
                // "at seven" needs "o'clock", am/pm or an evening to be a time ("at one point" is not).
                if (Overlaps(taken, w) || (w.Groups["at"].Success
                    && (char.IsDigit(w.Groups["h"].Value[0]) || !(w.Groups["oc"].Success || w.Groups["ap"].Success || evening))))
                {
                    continue;
                }

                var hour = HourWord(w.Groups["h"].Value);
                var minute = w.Groups["half"].Success ? 30 : w.Groups["qp"].Success ? 15 : w.Groups["qt"].Success ? 45 : 0;
                if (w.Groups["qt"].Success)
                {
                    hour = hour == 1 ? 12 : hour - 1;
                }

                var ap = w.Groups["ap"].Value.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
                var pm = ap == "pm" || (ap != "am" && (hour <= 7 || (evening && !morning)) && hour != 12);
                hour = pm && hour < 12 ? hour + 12 : (ap == "am" && hour == 12 ? 0 : hour);
                Take(taken, w);
                return (new TimeOnly(hour, minute), null, w.Index);
            }

            var bare = BareHour().Match(text);
            if (bare.Success && !Overlaps(taken, bare))
            {
                var hour = int.Parse(bare.Groups["h"].Value, CultureInfo.InvariantCulture);
                var pm = hour <= 7 || (evening && !morning);
                hour = hour == 12 ? 12 : pm ? hour + 12 : hour;
                (found, position) = (new TimeOnly(hour % 24, 0), bare.Index);
            }
        }

        return (found, null, position);
    }

    private static int HourWord(string word) => word.ToLowerInvariant() switch
    {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    private static TimeOnly? Clock(string h, string m, string ap, bool evening, bool morning)
    {
        if (!int.TryParse(h, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hour))
        {
            return null;
        }

        var minute = m.Length > 0 ? int.Parse(m, CultureInfo.InvariantCulture) : 0;
        if (minute > 59)
        {
            return null;
        }

        var a = ap.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        if (a is "am" or "pm")
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = a == "pm" ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
        }
        else if (hour < 12 && ((evening && !morning) || (hour is >= 1 and <= 7 && h.Length == 1 && !morning)))
        {
            // "at 6:30" for an event is the evening; "06:30" or "in the morning" is not.
            hour += 12;
        }

        return hour is >= 0 and <= 23 ? new TimeOnly(hour, minute) : null;
    }

    private static DateOnly? ResolveDayMonth(DateTime anchor, int day, int month, Group year, Group weekday)
    {
        if (year.Success)
        {
            var y = int.Parse(year.Value, CultureInfo.InvariantCulture);
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }

        DateOnly? best = null;
        var bestDistance = double.MaxValue;
        var anchorDate = DateOnly.FromDateTime(anchor);
        for (var y = anchor.Year - 1; y <= anchor.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month))
            {
                continue;
            }

            var candidate = new DateOnly(y, month, day);
            var distance = candidate.DayNumber - anchorDate.DayNumber;

            // Dates a little in the past are past; otherwise prefer the coming date.
            var cost = distance < -60 ? -distance * 3.0 : Math.Abs(distance);
            if (weekday.Success && candidate.DayOfWeek != WeekdayNumber(weekday.Value))
            {
                cost += 10_000;
            }

            if (cost < bestDistance)
            {
                (best, bestDistance) = (candidate, cost);
            }
        }

        return best;
    }

    private static bool MonthWordOk(string text, Group mon)
    {
        // "may" and "march" are words too: as months they are capitalised.
        var word = mon.Value.ToLowerInvariant();
        return word is not ("may" or "march" or "mar") || char.IsUpper(text[mon.Index]);
    }

    private static (DateOnly?, int) Earliest(DateOnly? current, int currentPos, DateOnly candidate, int pos) =>
        current is null || pos < currentPos ? (candidate, pos) : (current, currentPos);

    private static string? Pod(Group g) => g.Success ? g.Value.ToLowerInvariant().Replace("lunch time", "lunchtime", StringComparison.Ordinal) : null;

    private static void Take(bool[] taken, Match m) => Array.Fill(taken, true, m.Index, m.Length);

    private static bool Overlaps(bool[] taken, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }

    private static int DurationMinutes(Match m)
    {
        if (m.Groups["half"].Success)
        {
            return 30;
        }

        if (m.Groups["quarter"].Success)
        {
            return 15;
        }

        var n = m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "an" or "a" or "one" => 1,
            "two" or "a couple of" => 2,
            "three" => 3,
            "ten" => 10,
            "fifteen" => 15,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "forty-five" => 45,
            var s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0,
        };
        return m.Groups["unit"].Value.StartsWith('h') || m.Groups["unit"].Value.StartsWith('H') ? n * 60 : n;
    }

    private static int MonthNumber(string word)
    {
        var w = word.ToLowerInvariant().TrimEnd('.');
        return w[..3] switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            _ => 12,
        };
    }

    private static DayOfWeek WeekdayNumber(string word) => word.ToLowerInvariant()[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    [GeneratedRegex($@"\b(?:(?<wd>{Weekday}|{WeekdayShort})\.?,?\s+)?(?:the\s+)?(?<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+(?<mon>{Month})\b\.?(?:,?\s+(?<y>(?:19|20)\d\d)\b)?(?:\s+(?:in\s+the\s+)?(?<pod>{PartOfDay}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex($@"\b(?:(?<wd>{Weekday}|{WeekdayShort})\.?,?\s+)?(?<mon>{Month})\.?\s+(?<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![:.]\d|\s*(?:{Ampm}|%|people|percent|miles|km|votes|members))(?:,?\s+(?<y>(?:19|20)\d\d)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<d>[12]\d|3[01]|0?[1-9])/(?<m>1[0-2]|0?[1-9])/(?<y>20\d\d|\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex($@"\b(?<rel>today|tonight|tomorrow|tmrw|yesterday)(?:['’]s)?\b(?:\s+(?:in\s+the\s+)?(?<pod>{PartOfDay}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:this|later\s+this)\s+(?<pod>morning|lunchtime|afternoon|evening)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThisPart();

    [GeneratedRegex(@"\b(?:last\s+(?:night|week|weekend|month|year)|earlier\s+(?:today|this\s+week)|(?:\d+|a|an|one|two|three|four|five|six|seven|several|a\s+few|few)\s+(?:days?|weeks?|months?|years?|hours?)\s+ago|the\s+other\s+day|over\s+the\s+weekend)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastMarker();

    [GeneratedRegex($@"\b(?:(?<q>this\s+coming|this|next|coming|last)\s+)?(?<wd>{Weekday})(?:['’]s)?\b(?:\s+(?:in\s+the\s+)?(?<pod>{PartOfDay}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayRef();

    [GeneratedRegex(@"\bon\s+(?:the\s+)?(?<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnThe();

    private static Regex TimeRange() => TimeRangeAny();

    [GeneratedRegex($@"(?<![\d:.£$€])\b(?<h1>[01]?\d|2[0-3])(?:(?:[:.](?<m1>[0-5]\d))?\s*(?<ap1>{Ampm})|:(?<m1>[0-5]\d))?\s*(?:-|–|—|to|until|till|til)\s*(?<h2>[01]?\d|2[0-3])(?:(?:[:.](?<m2>[0-5]\d))?\s*(?<ap2>{Ampm})|:(?<m2>[0-5]\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeRangeAny();

    [GeneratedRegex($@"(?<![\d£$€:.])(?:(?<noon>(?:12\s*)?(?:noon|midday|midnight))\b|\b(?<h>[01]?\d|2[0-3])(?:[:.](?<m>[0-5]\d))?\s*(?<ap>{Ampm})|\b(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)\b|(?<=\b(?:at|from|for|by|until|starts?|starting|begins?|kicks?\s+off)\s+)(?<h>[01]?\d|2[0-3])\.(?<m>[0-5]\d)\b|\b(?<h>1[0-2]|[1-9])\s*o['’]?clock\b|\b(?<h>1[2-9]|2[0-3])\.(?<m>[0-5]\d)\b(?![.,]?\d|\s*(?:%|per\s*cent|percent|million|billion|[mk]\b)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?:(?<half>half\s+past|half)|(?<qp>quarter\s+past)|(?<qt>quarter\s+to)|(?<at>at|from|until|by))\s+(?<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9])\b(?!\s*(?:%|people|per|of|years?|days?|weeks?|months?|hours?|minutes?|mins?|votes?|members|others|points?|times?|stages?|levels?)\b)(?<oc>\s*o['’]?clock)?(?:\s*(?<ap>a\.?m\.?|p\.?m\.?)(?![a-z]))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordTime();

    [GeneratedRegex(@"\b(?:at|from|starts?|starting|begins?|kicks?\s+off)\s+(?<h>1[0-2]|[1-9])\b(?![:.,]?\d|\s*(?:%|people|per|of|years?|days?|weeks?|months?|hours?|minutes?|mins?|votes?|members|others|and|or|-|–|to\b|o['’]?clock))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareHour();

    [GeneratedRegex(@"\bin\s+(?:(?<half>half\s+an?\s+hour)|(?<quarter>a\s+quarter\s+of\s+an\s+hour)|(?<n>an|a|one|two|three|ten|fifteen|twenty|thirty|forty-five|forty|a\s+couple\s+of|\d{1,3})\s+(?<unit>hours?|minutes?|mins?))(?:['’]s?\s+time)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InDuration();

    [GeneratedRegex(@"\b(?:starts?|starting|begins?|beginning|kicks?\s+off|gets?\s+under\s*way|under\s*way|happening|takes?\s+place|meet(?:s|ing)?|gather(?:s|ing)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsContext();
}
