using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

public sealed class EntryIdTests
{
    [Fact]
    public void Derived_ids_survive_whitespace_and_markup_changes()
    {
        const string before = "<div><p><strong>Tuesday 28 June – 10:42</strong></p><p>An update on events in Leeds: the demo is at 6pm.</p></div>";
        const string after = "<div class=\"new-theme\">\n  <p><b>Tuesday 28 June – 10:42</b></p>\n  <p>An   <em>update</em> on events\n in Leeds: the demo is at 6pm.</p></div>";

        // One entry alone is a live blog's only when the format says so (else it is an article's dateline).
        var a = ParseText(before, "2016-06-29T15:00:00+01:00", "liveblog-html").Entries.Single();
        var b = ParseText(after, "2016-06-29T15:00:00+01:00", "liveblog-html").Entries.Single();

        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.ContentHash, b.ContentHash);
    }

    [Fact]
    public void An_edit_after_the_opening_words_keeps_the_id_but_changes_the_content_hash()
    {
        const string before = "Tuesday 28 June – 10:42\n\nAn update on events in Leeds tonight: the demo is at 6pm.\n";
        const string after = "Tuesday 28 June – 10:42\n\nAn update on events in Leeds tonight: the demo is now at 7pm.\n";

        var a = ParseText(before, "2016-06-29T15:00:00+01:00").Entries.Single();
        var b = ParseText(after, "2016-06-29T15:00:00+01:00").Entries.Single();

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.ContentHash, b.ContentHash);
    }

    [Fact]
    public void Ids_are_stable_when_new_entries_arrive_on_top()
    {
        const string older = "Tuesday 28 June – 10:42\n\nFirst.\n\nTuesday 28 June – 10:42\n\nFirst.\n";
        const string newer = "Tuesday 28 June – 11:00\n\nNewest.\n\n" + older;

        var a = ParseText(older, "2016-06-29T15:00:00+01:00").Entries.Select(e => e.Id).ToList();
        var b = ParseText(newer, "2016-06-29T15:00:00+01:00").Entries.Select(e => e.Id).ToList();

        Assert.Equal(2, a.Distinct().Count());
        Assert.Equal(a, b.Skip(1));
    }
}
