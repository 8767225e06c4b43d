using UpdateBot.Core.Events;

namespace UpdateBot.Events.Tests;

public sealed class EventIndexTests
{
    private static readonly DateTimeOffset Morning = new(2024, 3, 12, 8, 0, 0, TimeSpan.Zero);

    private static EventIndex Fed(params UpdateBot.Core.Entries.Entry[] entries)
    {
        var index = new EventIndex();
        foreach (var e in entries)
        {
            index.Observe(e, Blog.London);
        }

        return index;
    }

    [Fact]
    public async Task Upcoming_events_are_sorted_by_start_and_past_ones_left_out()
    {
        var index = Fed(
            Blog.Entry("2024-03-12 07:00", "Rally in Leeds on Saturday at 2pm."),
            Blog.Entry("2024-03-12 07:05", "Vigil in York tonight at 7pm."),
            Blog.Entry("2024-03-12 07:10", "Picket in Hull at 6am today."));

        var matches = await index.UpcomingAsync(new EventQuery { Now = Morning }, CancellationToken.None);

        Assert.Equal(["vigil", "rally"], matches.Select(m => m.Event.Kind));
        Assert.All(matches, m => Assert.Null(m.DistanceKm));
    }

    [Fact]
    public async Task Near_a_point_only_events_within_the_radius_come_with_their_distance()
    {
        var index = Fed(
            Blog.Entry("2024-03-12 07:00", "Rally in Leeds on Saturday at 2pm."),
            Blog.Entry("2024-03-12 07:05", "Vigil in Bradford tonight at 7pm."),
            Blog.Entry("2024-03-12 07:10", "Demo in Bristol tonight at 6pm."),
            Blog.Entry("2024-03-12 07:15", "Please support the demo at 6pm tomorrow."));
        var leeds = Gazetteer.Directory.Find("Leeds", "GB")!.Location;

        var matches = await index.UpcomingAsync(new EventQuery { Now = Morning, Center = leeds, RadiusKm = 25 }, CancellationToken.None);

        Assert.Equal(["vigil", "rally"], matches.Select(m => m.Event.Kind));
        Assert.InRange(matches[0].DistanceKm!.Value, 5, 25);
        Assert.InRange(matches[1].DistanceKm!.Value, 0, 1);
    }

    [Fact]
    public async Task Cancelled_events_are_not_upcoming_unless_asked_for()
    {
        var index = Fed(
            Blog.Entry("2024-03-12 07:00", "Vigil in York on Friday at 7pm."),
            Blog.Entry("2024-03-12 09:00", "Friday's vigil in York has been called off."));

        Assert.Empty(await index.UpcomingAsync(new EventQuery { Now = Morning }, CancellationToken.None));
        var all = await index.UpcomingAsync(new EventQuery { Now = Morning, IncludeCancelled = true }, CancellationToken.None);
        Assert.Equal(EventStatus.Cancelled, Assert.Single(all).Event.Status);
    }

    [Fact]
    public void An_entry_seen_after_a_later_one_is_replayed_in_publication_order()
    {
        var index = Fed(
            Blog.Entry("2024-03-12 09:00", "The Leicester rally has been moved to 8pm."),
            Blog.Entry("2024-03-12 07:00", "Rally in Leicester tonight at 6pm."));

        var e = Assert.Single(index.All);
        Assert.Equal(EventStatus.Moved, e.Status);
        Assert.Equal(20, e.Start.Hour);
    }

    [Fact]
    public void A_new_version_of_an_entry_replaces_what_the_old_one_said()
    {
        var index = new EventIndex();
        index.Observe(Blog.Entry("2024-03-12 07:00", "Rally in Leeds tonight at 6pm.", id: "same"), Blog.London);
        index.Observe(Blog.Entry("2024-03-12 07:00", "Rally in Leeds tonight at 7pm (time corrected).", id: "same"), Blog.London);

        Assert.Equal(19, Assert.Single(index.All).Start.Hour);
    }

    [Fact]
    public void The_same_entry_twice_changes_nothing()
    {
        var index = new EventIndex();
        var raised = 0;
        index.Changed += (_, _) => raised++;
        var entry = Blog.Entry("2024-03-12 07:00", "Rally in Leeds tonight at 6pm.");

        index.Observe(entry, Blog.London);
        index.Observe(entry, Blog.London);

        Assert.Equal(1, raised);
        Assert.Single(index.All);
    }

    [Fact]
    public void A_moderators_event_is_confirmed_and_overrides_the_extracted_one()
    {
        var index = Fed(Blog.Entry("2024-03-12 07:00", "Rally in Leeds tonight at 6pm."));
        var extracted = Assert.Single(index.All);

        index.Put(extracted with { Venue = "Leeds Town Hall steps" });

        var e = Assert.Single(index.All);
        Assert.True(e.Confirmed);
        Assert.Equal("Leeds Town Hall steps", e.Venue);
    }

    [Fact]
    public async Task An_event_without_a_known_time_stays_upcoming_all_its_day()
    {
        var index = Fed(Blog.Entry("2024-03-12 07:00", "Leeds: meeting this evening, venue to be confirmed."));
        var lateEvening = new DateTimeOffset(2024, 3, 12, 22, 0, 0, TimeSpan.Zero);

        Assert.Single(await index.UpcomingAsync(new EventQuery { Now = lateEvening }, CancellationToken.None));
        Assert.Empty(await index.UpcomingAsync(new EventQuery { Now = lateEvening.AddHours(3) }, CancellationToken.None));
    }
}
