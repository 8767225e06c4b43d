using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Timeline;
using UpdateBot.Sources.Tests.Fakes;

namespace UpdateBot.Sources.Tests;

public sealed class TimelineIngestorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private readonly InMemoryTimeline timeline = new();
    private readonly SourceDefinition source = new() { Name = "blog", Url = "https://blog.example/" };

    private TimelineIngestor Ingestor(int removalMisses = 3) =>
        new(timeline, timeline, Options.Create(new UpdateBotOptions { RemovalMisses = removalMisses }));

    private static Entry E(string id, int minutes, string text = "text") => new()
    {
        SourceName = "blog",
        Id = id,
        Published = T0.AddMinutes(minutes),
        Text = text + " " + id,
    };

    private static FeedSnapshot Snap(params Entry[] newestFirst) => new("Blog", FeedKind.LiveBlog, "test", newestFirst);

    [Fact]
    public async Task First_sight_records_everything_and_delivers_only_the_backlog()
    {
        var result = await Ingestor().IngestAsync(source with { Backlog = 1 }, Snap(E("c", 20), E("b", 10), E("a", 0)), isFirstSight: true, CancellationToken.None);

        Assert.Equal(3, result.Added);
        Assert.Equal(1, result.Delivered);
        Assert.Equal(["a", "b", "c"], timeline.AllChanges.Select(c => c.Entry.Id));
        Assert.Equal("c", Assert.Single(timeline.Delivered).Entry.Id);
    }

    [Fact]
    public async Task New_entries_are_delivered_oldest_first()
    {
        var ingestor = Ingestor();
        await ingestor.IngestAsync(source, Snap(E("a", 0)), true, CancellationToken.None);

        await ingestor.IngestAsync(source, Snap(E("c", 20), E("b", 10), E("a", 0)), false, CancellationToken.None);

        Assert.Equal(["b", "c"], timeline.Delivered.Select(c => c.Entry.Id));
        Assert.All(timeline.Delivered, c => Assert.Equal(ChangeKind.Added, c.Kind));
    }

    [Fact]
    public async Task Same_id_with_new_content_is_an_update_and_unchanged_entries_are_not_touched()
    {
        var ingestor = Ingestor();
        await ingestor.IngestAsync(source, Snap(E("b", 10), E("a", 0)), true, CancellationToken.None);

        var result = await ingestor.IngestAsync(source, Snap(E("b", 10, "edited"), E("a", 0)), false, CancellationToken.None);

        Assert.Equal(1, result.Updated);
        var change = Assert.Single(timeline.Delivered);
        Assert.Equal(ChangeKind.Updated, change.Kind);
        Assert.Equal("edited b", change.Entry.Text);
    }

    [Fact]
    public async Task An_entry_is_removed_only_after_missing_the_configured_number_of_reads()
    {
        var ingestor = Ingestor(removalMisses: 3);
        await ingestor.IngestAsync(source, Snap(E("b", 10), E("a", 0)), true, CancellationToken.None);

        var first = await ingestor.IngestAsync(source, Snap(E("a", 0)), false, CancellationToken.None);
        var second = await ingestor.IngestAsync(source, Snap(E("a", 0)), false, CancellationToken.None);
        Assert.Equal(0, first.Removed + second.Removed);
        Assert.Equal(2, timeline.Batches.Last().Misses["b"]);

        var third = await ingestor.IngestAsync(source, Snap(E("a", 0)), false, CancellationToken.None);

        Assert.Equal(1, third.Removed);
        var removal = Assert.Single(timeline.AllChanges, c => c.Kind == ChangeKind.Removed);
        Assert.Equal("b", removal.Entry.Id);
        Assert.Equal(["a"], timeline.Live("blog").Select(e => e.Id));
    }

    [Fact]
    public async Task Reappearing_resets_the_miss_count()
    {
        var ingestor = Ingestor(removalMisses: 2);
        await ingestor.IngestAsync(source, Snap(E("b", 10), E("a", 0)), true, CancellationToken.None);
        await ingestor.IngestAsync(source, Snap(E("a", 0)), false, CancellationToken.None);

        await ingestor.IngestAsync(source, Snap(E("b", 10), E("a", 0)), false, CancellationToken.None);
        await ingestor.IngestAsync(source, Snap(E("a", 0)), false, CancellationToken.None);

        Assert.DoesNotContain(timeline.AllChanges, c => c.Kind == ChangeKind.Removed);
    }

    [Fact]
    public async Task A_read_that_suddenly_has_no_entries_is_suspect_and_removes_nothing()
    {
        var ingestor = Ingestor(removalMisses: 1);
        await ingestor.IngestAsync(source, Snap(E("b", 10), E("a", 0)), true, CancellationToken.None);
        var batches = timeline.Batches.Count;

        var result = await ingestor.IngestAsync(source, Snap(), false, CancellationToken.None);

        Assert.True(result.Suspect);
        Assert.Equal(batches, timeline.Batches.Count);
        Assert.Equal(2, timeline.Live("blog").Count);
    }

    [Fact]
    public async Task Nothing_new_commits_nothing()
    {
        var ingestor = Ingestor();
        await ingestor.IngestAsync(source, Snap(E("a", 0)), true, CancellationToken.None);
        var batches = timeline.Batches.Count;

        var result = await ingestor.IngestAsync(source, Snap(E("a", 0)), false, CancellationToken.None);

        Assert.False(result.Changed);
        Assert.Equal(batches, timeline.Batches.Count);
    }

    [Fact]
    public async Task Entries_at_the_same_time_are_delivered_in_page_order_oldest_first()
    {
        var ingestor = Ingestor();
        await ingestor.IngestAsync(source, Snap(E("a", 0)), true, CancellationToken.None);

        // Newest-first page: "y" is above "x", both at the same minute, so "x" was posted first.
        await ingestor.IngestAsync(source, Snap(E("y", 5), E("x", 5), E("a", 0)), false, CancellationToken.None);

        Assert.Equal(["x", "y"], timeline.Delivered.Select(c => c.Entry.Id));
    }

    [Fact]
    public async Task An_entry_whose_derived_id_changed_with_an_edit_keeps_its_old_id_as_an_update()
    {
        var ingestor = Ingestor();
        await ingestor.IngestAsync(source, Snap(E("b-old", 10), E("a", 0)), true, CancellationToken.None);

        await ingestor.IngestAsync(source, Snap(E("b-new", 10, "edited"), E("a", 0)), false, CancellationToken.None);

        var change = Assert.Single(timeline.Delivered);
        Assert.Equal(ChangeKind.Updated, change.Kind);
        Assert.Equal("b-old", change.Entry.Id);
        Assert.Equal(["b-old", "a"], timeline.Live("blog").Select(e => e.Id));
    }
}
