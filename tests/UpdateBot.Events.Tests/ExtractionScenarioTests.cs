using UpdateBot.Core.Events;

namespace UpdateBot.Events.Tests;

/// <summary>Whole entries and several entries of one blog: lists, context places, repeats, moves and cancellations.</summary>
public sealed class ExtractionScenarioTests
{
    private static IReadOnlyList<EventRecord> Run(params UpdateBot.Core.Entries.Entry[] entries) =>
        new EventExtractor().Extract(entries, Blog.London);

    [Fact]
    public void A_numbered_list_under_an_update_on_a_city_gives_one_event_per_item_with_venues()
    {
        var events = Run(Blog.Entry("2016-06-28 10:42", """
            An update on events in Sheffield:

              1. There is a union backed demo tonight at 6pm in Barker's Pool.
              2. There is an organising meeting tonight at 7pm in Sheffield Town Hall
              3. There is a socialist society meeting on the housing crisis on Thursday at 6:30pm in the Red Deer pub
            """));

        Assert.Equal(
            ["demo 2016-06-28 18:00 Sheffield", "meeting 2016-06-28 19:00 Sheffield", "meeting 2016-06-30 18:30 Sheffield"],
            events.Select(e => Blog.Describe(e)));
        Assert.Equal(["Barker's Pool", "Sheffield Town Hall", "the Red Deer pub"], events.Select(e => e.Venue));
        Assert.All(events, e => Assert.Equal("+01:00", e.Start.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_same_event_announced_twice_is_one_event()
    {
        var events = Run(
            Blog.Entry("2016-06-27 14:55", "A reminder for those in London that there is a pro-union demo tonight outside Parliament at 6pm. See you there."),
            Blog.Entry("2016-06-27 17:30", "The rally called by the unions outside Parliament starts in half an hour. We'll be heading down there."));

        var e = Assert.Single(events);
        Assert.Equal("demo 2016-06-27 18:00 London", Blog.Describe(e));
        Assert.Equal("outside Parliament", e.Venue);
        Assert.Equal(EventStatus.Scheduled, e.Status);
    }

    [Fact]
    public void Different_places_at_the_same_time_stay_two_events()
    {
        var events = Run(
            Blog.Entry("2024-03-12 09:00", "There is a rally in Leeds at 6pm tonight."),
            Blog.Entry("2024-03-12 10:00", "There is a rally in Bradford at 6pm tonight."));

        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void A_later_entry_that_moves_an_event_updates_its_time_and_venue()
    {
        var events = Run(
            Blog.Entry("2024-03-12 09:00", "Rally in Leicester tonight at 6pm at the Clock Tower."),
            Blog.Entry("2024-03-12 13:00", "The Leicester rally has been moved to 8pm and will now be held at the statue."));

        var e = Assert.Single(events);
        Assert.Equal("rally 2024-03-12 20:00 Leicester", Blog.Describe(e));
        Assert.Equal("the statue", e.Venue);
        Assert.Equal(EventStatus.Moved, e.Status);
    }

    [Fact]
    public void A_move_to_another_day_keeps_the_time_when_only_the_day_changes()
    {
        var events = Run(
            Blog.Entry("2024-03-12 09:00", "York vigil on Friday at 7pm in St Helen's Square."),
            Blog.Entry("2024-03-13 09:00", "The vigil has been moved to Saturday."));

        var e = Assert.Single(events);
        Assert.Equal("vigil 2024-03-16 19:00 York", Blog.Describe(e));
        Assert.Equal(EventStatus.Moved, e.Status);
    }

    [Theory]
    [InlineData("Friday's vigil in York has been called off.")]
    [InlineData("The vigil in York on Friday is cancelled because of the weather.")]
    [InlineData("Organisers say the York vigil has been postponed.")]
    public void A_later_entry_that_cancels_an_event_marks_it_cancelled(string cancellation)
    {
        var events = Run(
            Blog.Entry("2024-03-12 09:00", "Vigil in York on Friday at 7pm."),
            Blog.Entry("2024-03-13 09:00", cancellation));

        var e = Assert.Single(events);
        Assert.Equal(EventStatus.Cancelled, e.Status);
        Assert.Equal("vigil 2024-03-15 19:00 York", Blog.Describe(e));
    }

    [Fact]
    public void A_cancellation_names_only_the_event_it_matches()
    {
        var events = Run(
            Blog.Entry("2024-03-12 09:00", "Vigil in York on Friday at 7pm."),
            Blog.Entry("2024-03-12 09:05", "Rally in Leeds on Friday at 6pm."),
            Blog.Entry("2024-03-13 09:00", "The Leeds rally is off."));

        Assert.Equal(EventStatus.Scheduled, events.Single(e => e.Kind == "vigil").Status);
        Assert.Equal(EventStatus.Cancelled, events.Single(e => e.Kind == "rally").Status);
    }

    [Fact]
    public void A_time_in_the_next_sentence_completes_an_event_named_before_it()
    {
        var events = Run(Blog.Entry("2016-06-27 15:46", """
            Islington Momentum is leading the way with this statement:

            We will organise an emergency meeting to discuss action within the borough. It will be on Wednesday evening. Offers of venues would be welcome.

            But it is also key to get to the local party AGMs on Thursday evening.
            """));

        Assert.Equal(["meeting 2016-06-29 ~evening Islington", "agm 2016-06-30 ~evening Islington"], events.Select(e => Blog.Describe(e)));
        Assert.All(events, e => Assert.False(e.TimeKnown));
    }

    [Fact]
    public void The_place_comes_from_the_opening_words_when_the_sentence_names_none()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", "Update from Cardiff:\n\nThere is a rally at 1pm on Saturday outside the castle."));

        Assert.Equal(["rally 2024-03-16 13:00 Cardiff"], events.Select(e => Blog.Describe(e)));
    }

    [Fact]
    public void Without_any_place_in_the_entry_the_event_has_none()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", "Please support the demo at 6pm tomorrow and bring a friend."));

        Assert.Equal(["demo 2024-03-13 18:00 -"], events.Select(e => Blog.Describe(e)));
    }

    [Fact]
    public void A_report_followed_by_announcements_keeps_only_the_announcements()
    {
        var events = Run(Blog.Entry("2016-06-28 10:00", """
            After last night's demonstrations in London and Newcastle, the gulf has never been clearer. Here's a report from a comrade who attended the Newcastle demo:

            There were around 400 people at Newcastle's Grey's Monument tonight at the impromptu rally.

            The Marxist Society has called a meeting for this Wednesday night and there will be a further meeting organised by Momentum this Thursday.
            """));

        Assert.Equal(
            ["meeting 2016-06-29 ~night Newcastle upon Tyne", "meeting 2016-06-30 ~day Newcastle upon Tyne"],
            events.Select(e => Blog.Describe(e)));
        Assert.Equal("Marxist Society meeting", events[0].Title);
    }

    [Fact]
    public void Meetings_of_mps_are_not_public_events_however_they_are_worded()
    {
        var events = Run(
            Blog.Entry("2016-06-27 14:00", "A vote of no confidence is being tabled at the PLP meeting tonight."),
            Blog.Entry("2016-06-27 16:27", "Tonight, at a meeting of the Parliamentary Labour Party, MPs are likely to agree to a vote."),
            Blog.Entry("2016-06-27 17:11", "Email your MP before the meeting of the Parliamentary Labour Party at 6pm tonight."));

        Assert.Empty(events);
    }

    [Fact]
    public void Newcastle_is_newcastle_upon_tyne_in_a_uk_feed_and_the_australian_city_in_an_australian_one()
    {
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
        var uk = new EventExtractor().Extract([Blog.Entry("2024-03-12 09:00", "Newcastle: rally at 6pm.")], Blog.London);
        var au = new EventExtractor().Extract([Blog.Entry("2024-03-12 09:00", "Newcastle: rally at 6pm.", zone: sydney)], sydney);

        Assert.Equal(("Newcastle upon Tyne", "GB"), (uk.Single().Place!.Name, uk.Single().Place!.Country));
        Assert.Equal("AU", au.Single().Place!.Country);
        Assert.Equal("+11:00", au.Single().Start.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_time_range_gives_the_end_too()
    {
        var e = Assert.Single(Run(Blog.Entry("2024-03-12 09:00", "Leeds: protest from 11am to 3pm on Saturday.")));

        Assert.Equal(new DateTimeOffset(2024, 3, 16, 15, 0, 0, TimeSpan.Zero), e.End);
    }

    [Fact]
    public void Entries_given_newest_first_are_read_oldest_first()
    {
        var events = Run(
            Blog.Entry("2024-03-13 09:00", "Friday's vigil in York has been called off."),
            Blog.Entry("2024-03-12 09:00", "Vigil in York on Friday at 7pm."));

        Assert.Equal(EventStatus.Cancelled, Assert.Single(events).Status);
    }

    [Fact]
    public void Clock_change_weekend_uses_the_offset_of_the_event_day()
    {
        var e = Assert.Single(Run(Blog.Entry("2024-03-28 09:00", "Leeds: rally on Sunday at 2pm.")));

        Assert.Equal(new DateTimeOffset(2024, 3, 31, 14, 0, 0, TimeSpan.FromHours(1)), e.Start);
    }

    [Fact]
    public void A_title_naming_the_event_and_a_body_giving_the_time_make_one_event()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", "Millennium Square, 2pm. Bring banners.", title: "Leeds demo on Saturday"));

        var e = Assert.Single(events);
        Assert.Equal("demo 2024-03-16 14:00 Leeds", Blog.Describe(e));
        Assert.Equal("Millennium Square", e.Venue);
    }

    [Fact]
    public void A_sentence_giving_time_and_venue_completes_the_event_named_just_before()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", "Momentum are holding an emergency rally against the coup in Leeds. Millennium Square, 6pm tonight."));

        Assert.Equal(["rally 2024-03-12 18:00 Leeds"], events.Select(e => Blog.Describe(e)));
    }

    [Fact]
    public void An_unrelated_time_after_an_event_without_one_does_not_attach()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", "Local groups are calling meetings to discuss this question. The pound fell sharply against the dollar at 3pm and markets were rattled by the news from the City."));

        Assert.Empty(events);
    }

    [Fact]
    public void Plural_events_in_several_places_are_one_event_per_place()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", "Vigils will be held tonight at 7pm in Cardiff and Swansea."));

        Assert.Equal(["vigil 2024-03-12 19:00 Cardiff", "vigil 2024-03-12 19:00 Swansea"], events.Select(e => Blog.Describe(e)).Order());
    }

    [Fact]
    public void Items_under_a_heading_naming_the_kind_are_each_an_event()
    {
        var events = Run(Blog.Entry("2024-03-12 09:00", """
            Demos on Saturday:

            - Leeds, 12 noon, Millennium Square
            - Bradford, 1pm, City Park
            - Sheffield, 2pm, Barker's Pool

            Statement from the organisers will follow.
            """));

        Assert.Equal(
            ["demo 2024-03-16 12:00 Leeds", "demo 2024-03-16 13:00 Bradford", "demo 2024-03-16 14:00 Sheffield"],
            events.Select(e => Blog.Describe(e)));
    }

    [Fact]
    public void A_move_to_a_new_venue_only_keeps_the_time()
    {
        var events = Run(
            Blog.Entry("2024-03-12 09:00", "Rally in Leicester tonight at 6pm at the Clock Tower."),
            Blog.Entry("2024-03-12 13:00", "Tonight's rally in Leicester has been moved to the Town Hall."));

        var e = Assert.Single(events);
        Assert.Equal("rally 2024-03-12 18:00 Leicester", Blog.Describe(e));
        Assert.Equal("the Town Hall", e.Venue);
        Assert.Equal(EventStatus.Moved, e.Status);
    }
}
