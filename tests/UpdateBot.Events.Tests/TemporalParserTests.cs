using System.Globalization;
using UpdateBot.Events.Extraction;

namespace UpdateBot.Events.Tests;

/// <summary>Dates and times resolved against Monday 27 June 2016, 14:55 (the issue's own phrasings among them).</summary>
public sealed class TemporalParserTests
{
    private static readonly DateTime Anchor = new(2016, 6, 27, 14, 55, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData("tonight at 6pm", "2016-06-27 18:00")]
    [InlineData("on Thursday at 6:30pm", "2016-06-30 18:30")]
    [InlineData("next Tuesday, 7.30pm", "2016-06-28 19:30")]
    [InlineData("next Monday at 7pm", "2016-07-04 19:00")]
    [InlineData("at noon on Saturday", "2016-07-02 12:00")]
    [InlineData("12 noon", "2016-06-27 12:00")]
    [InlineData("18:00", "2016-06-27 18:00")]
    [InlineData("at 18.30", "2016-06-27 18:30")]
    [InlineData("from 11am to 3pm", "2016-06-27 11:00")]
    [InlineData("starts in half an hour", "2016-06-27 15:25")]
    [InlineData("kicks off in 20 minutes", "2016-06-27 15:15")]
    [InlineData("Monday 4 July at 6:30pm", "2016-07-04 18:30")]
    [InlineData("July 4th at 7 pm", "2016-07-04 19:00")]
    [InlineData("tomorrow at 10am", "2016-06-28 10:00")]
    [InlineData("Sat 2 Jul 14:00", "2016-07-02 14:00")]
    [InlineData("on 01/07/2016 at 5pm", "2016-07-01 17:00")]
    [InlineData("tonight at 7", "2016-06-27 19:00")]
    [InlineData("at 7.30 tomorrow evening", "2016-06-28 19:30")]
    [InlineData("this Friday, 6-8pm", "2016-07-01 18:00")]
    [InlineData("at midday on Sunday", "2016-07-03 12:00")]
    [InlineData("on the 30th at 6pm", "2016-06-30 18:00")]
    public void Clock_times_and_dates_resolve_to_exact_minutes(string text, string expected)
    {
        var t = TemporalParser.Parse(text, Anchor);

        Assert.NotNull(t.Date);
        Assert.NotNull(t.Time);
        Assert.Equal(expected, t.Date.Value.ToDateTime(t.Time.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("this Wednesday night", "2016-06-29", "night")]
    [InlineData("on Wednesday evening", "2016-06-29", "evening")]
    [InlineData("tomorrow", "2016-06-28", null)]
    [InlineData("tonight", "2016-06-27", "night")]
    [InlineData("this afternoon", "2016-06-27", "afternoon")]
    [InlineData("Thursday", "2016-06-30", null)]
    public void Part_of_day_words_without_a_clock_time_give_a_date_only(string text, string date, string? partOfDay)
    {
        var t = TemporalParser.Parse(text, Anchor);

        Assert.Null(t.Time);
        Assert.Equal(date, t.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(partOfDay, t.PartOfDay);
    }

    [Fact]
    public void The_end_of_a_range_is_kept()
    {
        var t = TemporalParser.Parse("from 11am to 3pm", Anchor);

        Assert.Equal(new TimeOnly(15, 0), t.EndTime);
    }

    [Theory]
    [InlineData("yesterday in Bristol")]
    [InlineData("last night")]
    [InlineData("two days ago")]
    [InlineData("last Saturday")]
    [InlineData("on Friday 24th June")]
    public void Past_references_are_marked_past(string text)
    {
        Assert.True(TemporalParser.Parse(text, Anchor).Past);
    }

    [Theory]
    [InlineData("March against the cuts")]
    [InlineData("they may come")]
    [InlineData("a 31-year low")]
    [InlineData("by 172 votes to 40")]
    [InlineData("10,000 people with 24h notice")]
    [InlineData("9 from Scotland")]
    public void Numbers_and_words_that_are_not_times_give_nothing(string text)
    {
        var t = TemporalParser.Parse(text, Anchor);

        Assert.False(t.HasAnchor);
    }
}
