using UpdateBot.Core.Events;
using UpdateBot.Core.Places;

namespace UpdateBot.Events.Extraction;

/// <summary>
/// Applies mentions in publication order: the same event announced twice (same place, start within 30 minutes,
/// same family of kind) is kept once; moves update the event they name; cancellations mark it cancelled.
/// </summary>
internal sealed class EventLedger(TimeZoneInfo zone, Func<int, Place> place)
{
    private static readonly TimeSpan SameEventWindow = TimeSpan.FromMinutes(30);
    private readonly List<Slot> events = [];

    public IReadOnlyList<EventRecord> Events => [.. events.Select(e => e.Record)];

    public void Apply(EventMention mention)
    {
        switch (mention.Action)
        {
            case MentionAction.Announce:
                Announce(mention);
                break;
            case MentionAction.Move:
                Move(mention);
                break;
            default:
                Cancel(mention);
                break;
        }
    }

    private void Announce(EventMention m)
    {
        if (m.Kind is null || m.Date is null)
        {
            return;
        }

        var (start, timeKnown) = StartOf(m.Date.Value, m.Time, m.PartOfDay);
        var end = m.EndTime is { } e ? ToOffset(m.Date.Value.ToDateTime(e) < start.DateTime ? m.Date.Value.AddDays(1).ToDateTime(e) : m.Date.Value.ToDateTime(e)) : (DateTimeOffset?)null;
        foreach (var slot in events)
        {
            var r = slot.Record;
            if (r.Status == EventStatus.Cancelled || EventKinds.Family(r.Kind) != EventKinds.Family(m.Kind) || !SamePlace(slot.PlaceIndex, m.PlaceIndex, r.Venue, m.Venue))
            {
                continue;
            }

            var same = r.TimeKnown && timeKnown
                ? (r.Start - start).Duration() <= SameEventWindow
                : DateOnly.FromDateTime(r.Start.DateTime) == m.Date.Value
                    && ((slot.PlaceIndex >= 0 && slot.PlaceIndex == m.PlaceIndex) || (r.EntryId == m.EntryId && r.SourceName == m.SourceName));
            if (!same)
            {
                continue;
            }

            // Keep the first announcement; let the later one fill what it knew better.
            slot.Record = r with
            {
                Start = r.TimeKnown ? r.Start : start,
                TimeKnown = r.TimeKnown || timeKnown,
                PartOfDay = r.TimeKnown || timeKnown ? null : r.PartOfDay,
                End = r.End ?? end,
                Venue = r.Venue ?? m.Venue,
                Place = r.Place ?? PlaceOf(m.PlaceIndex),
            };
            slot.PlaceIndex = slot.PlaceIndex >= 0 ? slot.PlaceIndex : m.PlaceIndex;
            return;
        }

        events.Add(new Slot(m.PlaceIndex, new EventRecord
        {
            Id = $"{m.SourceName}/{m.EntryId}/{m.Ordinal}",
            Title = m.Title,
            Kind = m.Kind,
            Start = start,
            End = end,
            TimeKnown = timeKnown,
            PartOfDay = timeKnown ? null : m.PartOfDay,
            Place = PlaceOf(m.PlaceIndex),
            Venue = m.Venue,
            EntryId = m.EntryId,
            SourceName = m.SourceName,
            Url = m.Url,
        }));
    }

    private void Move(EventMention m)
    {
        var slot = Target(m, m.TargetDate);
        if (slot is null)
        {
            if (m.Kind is not null && m.Date is not null)
            {
                Announce(m with { Action = MentionAction.Announce });
                events[^1].Record = events[^1].Record with { Status = EventStatus.Moved };
            }

            return;
        }

        var r = slot.Record;
        var local = r.Start.DateTime;
        var date = m.DateGiven && m.Date is { } d ? d : DateOnly.FromDateTime(local);
        DateTimeOffset start = r.Start;
        var timeKnown = r.TimeKnown;
        if (m.Time is not null || m.DateGiven)
        {
            (start, timeKnown) = m.Time is not null
                ? StartOf(date, m.Time, null)
                : StartOf(date, r.TimeKnown ? TimeOnly.FromDateTime(local) : null, r.PartOfDay);
        }

        slot.Record = r with
        {
            Start = start,
            TimeKnown = timeKnown,
            End = m.EndTime is { } e ? ToOffset(date.ToDateTime(e)) : (m.Time is null ? r.End : null),
            Venue = m.Venue ?? r.Venue,
            Status = EventStatus.Moved,
        };
    }

    private void Cancel(EventMention m)
    {
        var slot = Target(m, m.DateGiven ? m.Date : null);
        if (slot is not null)
        {
            slot.Record = slot.Record with { Status = EventStatus.Cancelled };
            return;
        }

        if (m.Kind is not null && m.Date is not null && (m.DateGiven || m.Time is not null))
        {
            Announce(m with { Action = MentionAction.Announce });
            events[^1].Record = events[^1].Record with { Status = EventStatus.Cancelled };
        }
    }

    /// <summary>The event a move or cancellation refers to: best match on kind, place, date and venue, latest first.</summary>
    private Slot? Target(EventMention m, DateOnly? date)
    {
        Slot? best = null;
        var bestScore = 0;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var slot = events[i];
            var r = slot.Record;
            if (r.Status == EventStatus.Cancelled || r.UpcomingUntil < m.Published.AddHours(-12))
            {
                continue;
            }

            var score = 1;
            if (m.Kind is not null)
            {
                if (EventKinds.Family(r.Kind) != EventKinds.Family(m.Kind))
                {
                    continue;
                }

                score += r.Kind == m.Kind ? 3 : 2;
            }

            if (m.PlaceIndex >= 0 && slot.PlaceIndex >= 0)
            {
                if (m.PlaceIndex != slot.PlaceIndex)
                {
                    continue;
                }

                score += 3;
            }

            if (date is not null)
            {
                if (DateOnly.FromDateTime(r.Start.DateTime) != date)
                {
                    continue;
                }

                score += 2;
            }

            if (m.Action == MentionAction.Cancel && m.Time is { } t && r.TimeKnown && TimeOnly.FromDateTime(r.Start.DateTime) == t)
            {
                score += 2;
            }

            if (score > bestScore)
            {
                (best, bestScore) = (slot, score);
            }
        }

        return best;
    }

    private static bool SamePlace(int a, int b, string? venueA, string? venueB)
    {
        if (a >= 0 && b >= 0)
        {
            return a == b;
        }

        // One side names no place: the same venue, or no venue to contradict.
        return venueA is null || venueB is null || string.Equals(venueA, venueB, StringComparison.OrdinalIgnoreCase);
    }

    private (DateTimeOffset Start, bool TimeKnown) StartOf(DateOnly date, TimeOnly? time, string? partOfDay) =>
        time is { } t
            ? (ToOffset(date.ToDateTime(t)), true)
            : (ToOffset(date.ToDateTime(TemporalParser.DefaultTime(partOfDay))), false);

    private DateTimeOffset ToOffset(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private Place? PlaceOf(int index) => index >= 0 ? place(index) : null;

    private sealed class Slot(int placeIndex, EventRecord record)
    {
        public int PlaceIndex { get; set; } = placeIndex;

        public EventRecord Record { get; set; } = record;
    }
}
