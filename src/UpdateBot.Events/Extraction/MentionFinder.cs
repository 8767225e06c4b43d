using System.Text.RegularExpressions;
using UpdateBot.Core.Entries;

namespace UpdateBot.Events.Extraction;

/// <summary>
/// Reads one entry and states what it says about events. An announcement needs a kind of event and a date or time in
/// the same clause (or "It will be on Wednesday evening." right after a sentence naming the event). Past mentions,
/// meetings of closed bodies (the Parliamentary Labour Party, a cabinet) and private meetings are not events.
/// </summary>
internal static partial class MentionFinder
{
    public static IReadOnlyList<EventMention> Find(Entry entry, TimeZoneInfo zone, PlaceSpotter places)
    {
        var anchor = TimeZoneInfo.ConvertTime(entry.Published, zone).DateTime;
        var today = DateOnly.FromDateTime(anchor);
        var mentions = new List<EventMention>();
        var sentences = TextSegmenter.Sentences(string.IsNullOrWhiteSpace(entry.Title) ? entry.Text : entry.Title.Trim() + "\n\n" + entry.Text);
        var opening = OpeningPlace(entry, sentences, places);
        var lastPlace = -1;
        Pending? pending = null;

        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s].Sentence;
            var sentencePlaces = places.Find(sentence);
            var clauses = TextSegmenter.Clauses(sentence);
            var sentenceTemporal = clauses.Count > 1 ? TemporalParser.Parse(sentence, anchor) : null;
            var handled = false;
            Pending? carried = null;

            foreach (var clause in clauses)
            {
                var kinds = EventKinds.Find(clause).Where(k => !IsExcluded(clause, k)).ToList();
                var temporal = TemporalParser.Parse(clause, anchor);
                if (!temporal.HasAnchor && !temporal.Past && sentenceTemporal is { HasAnchor: true })
                {
                    temporal = sentenceTemporal;
                }

                var cancel = CancelMarker().Match(clause);
                var move = MoveMarker().Match(clause);
                string? kind;
                string title;
                var kindIndex = 0;
                if (kinds.Count > 0)
                {
                    kind = kinds[0].Kind;
                    kindIndex = kinds[0].Index;
                    title = TitleFor(clause, kinds[0].Index, kinds[0].Length, kind);
                }
                else if (pending is not null && (s - pending.Sentence <= 2 || (pending.ListHead && s - pending.Sentence <= 8))
                    && (Anaphora().IsMatch(clause) || ((s - pending.Sentence == 1 || pending.ListHead) && temporal.HasAnchor && !PastTense().IsMatch(clause)
                        && (clause.Length <= 80 || VenueSpotter.Find(clause, places, 0) is not null)))
                    && (temporal.HasAnchor || cancel.Success || move.Success))
                {
                    (kind, title) = (pending.Kind, pending.Title);
                    if (!temporal.DateGiven && pending.Date is { } pendingDate && temporal.Time is not null)
                    {
                        // "Leeds demo on Saturday. Millennium Square, 2pm." — the time belongs to the day already named.
                        temporal = temporal with { Date = pendingDate };
                    }
                }
                else if ((cancel.Success || move.Success) && Anaphora().IsMatch(clause))
                {
                    (kind, title) = (null, "Event");
                }
                else
                {
                    continue;
                }

                var placeIndex = PlaceFor(clause, sentencePlaces, places, opening, lastPlace, pending);
                var venue = VenueSpotter.Find(clause, places, kindIndex)?.Venue
                    ?? (kinds.Count == 0 ? pending?.Venue ?? VenueSpotter.Leading(clause, places) : null);
                if (placeIndex < 0 && venue is not null)
                {
                    placeIndex = places.Landmark(venue);
                }

                var baseMention = new EventMention
                {
                    Action = MentionAction.Announce,
                    Kind = kind,
                    Title = title,
                    PlaceIndex = placeIndex,
                    Venue = venue,
                    EntryId = entry.Id,
                    SourceName = entry.SourceName,
                    Url = entry.Url,
                    Published = entry.Published,
                    Ordinal = mentions.Count,
                };

                if (cancel.Success)
                {
                    mentions.Add(baseMention with { Action = MentionAction.Cancel, Date = temporal.Date, DateGiven = temporal.DateGiven, Time = temporal.Time });
                    handled = true;
                    continue;
                }

                if (move.Success)
                {
                    var before = TemporalParser.Parse(clause[..move.Index], anchor);
                    var after = TemporalParser.Parse(clause[move.Index..], anchor);
                    var newVenue = VenueSpotter.Find(clause[move.Index..], places, 0)?.Venue
                        ?? VenueSpotter.Find(MovedTo().Replace(clause[move.Index..], "at "), places, 0)?.Venue;
                    if (after.HasAnchor || newVenue is not null)
                    {
                        mentions.Add(baseMention with
                        {
                            Action = MentionAction.Move,
                            Date = after.Date,
                            DateGiven = after.DateGiven,
                            Time = after.Time,
                            EndTime = after.EndTime,
                            PartOfDay = after.PartOfDay,
                            TargetDate = before.DateGiven ? before.Date : null,
                            Venue = newVenue,
                        });
                        handled = true;
                    }

                    continue;
                }

                if (kind is null || temporal.Past)
                {
                    continue;
                }

                if (!temporal.HasAnchor)
                {
                    pending = new Pending(kind, title, placeIndex, venue, s, null, ListHead(sentence));
                    continue;
                }

                // "drew 5,000 people", "was addressed by": a report, unless the sentence announces ("was called for Saturday").
                if (PastTense().IsMatch(clause) && !FutureMarker().IsMatch(clause)
                    && (temporal.Date is { } date && date <= today || !AnnounceVerb().IsMatch(clause)))
                {
                    continue;
                }

                if (temporal.Time is null && kinds.Count > 0)
                {
                    // A day without a clock time: a following sentence may give the time.
                    carried = new Pending(kind, title, placeIndex, venue, s, temporal.Date, ListHead(sentence));
                }

                var announced = baseMention with
                {
                    Date = temporal.Date,
                    DateGiven = temporal.DateGiven,
                    Time = temporal.Time,
                    EndTime = temporal.EndTime,
                    PartOfDay = temporal.PartOfDay,
                };
                var listed = kinds.Count > 0 && IsPlural(clause.Substring(kinds[0].Index, kinds[0].Length))
                    ? places.Find(clause).Select(p => p.PlaceIndex).Distinct().ToList()
                    : [];
                if (listed.Count > 1)
                {
                    // "Vigils tonight in Cardiff and Swansea": one event in each place.
                    foreach (var each in listed)
                    {
                        mentions.Add(announced with { PlaceIndex = each, Venue = null, Ordinal = mentions.Count });
                    }
                }
                else
                {
                    mentions.Add(announced);
                }

                handled = true;
            }

            if (carried is not null)
            {
                pending = carried;
            }
            else if (handled && pending is not { ListHead: true })
            {
                pending = null;
            }

            if (sentencePlaces.Count > 0)
            {
                lastPlace = sentencePlaces[^1].PlaceIndex;
            }
        }

        return mentions;
    }

    private static int PlaceFor(string clause, IReadOnlyList<PlaceMention> sentencePlaces, PlaceSpotter places, int opening, int lastPlace, Pending? pending)
    {
        var inClause = places.Find(clause);
        if (inClause.Count > 0)
        {
            return inClause[0].PlaceIndex;
        }

        if (sentencePlaces.Count > 0)
        {
            return sentencePlaces[0].PlaceIndex;
        }

        if (pending is { PlaceIndex: >= 0 })
        {
            return pending.PlaceIndex;
        }

        return opening >= 0 ? opening : lastPlace;
    }

    /// <summary>The place an entry is about when its opening words name one ("Leeds:", "Update from Cardiff:").</summary>
    private static int OpeningPlace(Entry entry, IReadOnlyList<(int Paragraph, string Sentence)> sentences, PlaceSpotter places)
    {
        foreach (var text in new[] { entry.Title, sentences.Count > 0 ? sentences[0].Sentence : null })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var found = places.Find(text).Select(p => p.PlaceIndex).Distinct().ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            if (found.Count > 1)
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsExcluded(string clause, (string Kind, int Index, int Length) kind)
    {
        if (EventKinds.Family(kind.Kind) != "meeting")
        {
            return false;
        }

        var from = Math.Max(0, kind.Index - 45);
        var to = Math.Min(clause.Length, kind.Index + kind.Length + 45);
        return ClosedMeeting().IsMatch(clause[from..to]);
    }

    private static string TitleFor(string clause, int index, int length, string kind)
    {
        var before = clause[..index];
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        for (var i = words.Length - 1; i >= 0 && taken.Count < 6; i--)
        {
            var w = words[i];
            if (TitleStop().IsMatch(w) || w.EndsWith(',') || w.EndsWith(':') || w.EndsWith('.'))
            {
                break;
            }

            taken.Insert(0, w);
        }

        var title = string.Join(' ', taken.Append(clause.Substring(index, length))).Trim();
        if (taken.Count == 0 && Organiser().Match(clause) is { Success: true } organiser && organiser.Index < index)
        {
            // "The Marxist Society has called a meeting": name it after who called it.
            title = $"{organiser.Groups["who"].Value} {title}";
        }

        title = title.Length == 0 ? kind : title;
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    [GeneratedRegex(@"^(?:The\s+)?(?!(?:There|It|This|That|These|Those|We|They|Our|Here|Please|You|I|He|She)\b)(?<who>\p{Lu}[\p{L}'’]+(?:\s+\p{Lu}[\p{L}'’]+){0,4})\s+(?:has|have|is|are|will|was|were)\b")]
    private static partial Regex Organiser();

    /// <summary>"Demos on Saturday:" — the items that follow are each an event of that kind.</summary>
    private static bool IsPlural(string kindWord) =>
        kindWord.EndsWith('s') && !kindWord.Equals("hustings", StringComparison.OrdinalIgnoreCase);

    private static bool ListHead(string sentence) => sentence.TrimEnd().EndsWith(':');

    private sealed record Pending(string Kind, string Title, int PlaceIndex, string? Venue, int Sentence, DateOnly? Date, bool ListHead);

    [GeneratedRegex(@"^(?:a|an|the|is|are|was|were|there|there's|this|that|these|our|their|his|her|its|for|of|to|and|or|has|have|had|will|be|been|at|in|on|outside|called|tonight|tomorrow|today|another|with|by|from|support|attend|join|organise|organize|hold|holding|held|about|some|any|local|no|next|last|every|each|after|before|it's|it|we|they|you|i)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleStop();

    [GeneratedRegex(@"\b(?:called\s+off|cancell?ed|canceled|postponed|scrapped|axed|won['’]t\s+(?:go\s+ahead|take\s+place|happen)|will\s+not\s+(?:go\s+ahead|take\s+place|happen)|no\s+longer\s+(?:going\s+ahead|taking\s+place|happening|on)|is\s+off\b|has\s+been\s+pulled)", RegexOptions.IgnoreCase)]
    private static partial Regex CancelMarker();

    [GeneratedRegex(@"\b(?:(?:has|have|had|been|was|is|are)\s+)*(?:moved|rescheduled|re-scheduled|brought\s+forward|pushed\s+back|relocated|changed|put\s+back)\b|\b(?:will\s+now|now\s+(?:starts?|begins?|be|takes?\s+place|meets?|gathers?)|new\s+(?:time|venue|date|location)|instead)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoveMarker();

    [GeneratedRegex(@"\bto\s+(?=(?:the\s+)?\p{Lu}|the\s+)")]
    private static partial Regex MovedTo();

    [GeneratedRegex(@"^(?:it|it['’]s|it['’]ll|this|that|they|they['’]ll|we['’]ll\s+meet|we\s+will\s+meet|meet|starts?|starting|doors|time|when|date|venue|where|the\s+event)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anaphora();

    [GeneratedRegex(@"\b(?:were|was|drew|attended|gathered|took\s+place|went|turned\s+out|marched|happened|joined|came|filled|spoke|saw|packed|ended|finished|had|held|addressed|brought|descended|blocked|heard)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastTense();

    [GeneratedRegex(@"\b(?:called|announced|planned|organi[sz]ed|set|scheduled|booked|arranged|moved|rescheduled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnnounceVerb();

    [GeneratedRegex(@"\b(?:will|['’]ll|is|are|there['’]s|it['’]s|starts?|begins?|going\s+to|set\s+to|due\s+to|to\s+be\s+held|join\s+us|see\s+you|come\s+along|upcoming|planned)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureMarker();

    [GeneratedRegex(@"\b(?:parliamentary\s+labour\s+party|PLP|cabinet|shadow\s+cabinet|board|select\s+committee|NEC|having\s+a\s+meeting|had\s+a\s+meeting|meeting\s+with|meetings?\s+of\s+(?:MPs|ministers|the\s+government|leaders))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClosedMeeting();
}
