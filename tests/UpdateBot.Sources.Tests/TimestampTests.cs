using UpdateBot.Sources.Parsing;
using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

public sealed class TimestampTests
{
    [Theory]
    [InlineData("Wednesday 29 June – 14:00", 14, 0, 29, 6)]
    [InlineData("Tuesday 28 June  – 11:19", 11, 19, 28, 6)]
    [InlineData("14:00", 14, 0, null, null)]
    [InlineData("2.05pm", 14, 5, null, null)]
    [InlineData("12.30 am", 0, 30, null, null)]
    [InlineData("29 June 2016, 14:00 BST", 14, 0, 29, 6)]
    [InlineData("00:17 (IST) Feb 26", 0, 17, 26, 2)]
    [InlineData("June 29, 10:42", 10, 42, 29, 6)]
    [InlineData("Posted at 9:05", 9, 5, null, null)]
    [InlineData("12.31 Uhr", 12, 31, null, null)]
    [InlineData("9:05 h", 9, 5, null, null)]
    public void Headings_are_recognised(string text, int hour, int minute, int? day, int? month)
    {
        Assert.True(TimestampText.TryParse(text, London, out var parts));
        Assert.Equal(hour, parts.Hour);
        Assert.Equal(minute, parts.Minute);
        Assert.Equal(day, parts.Day);
        Assert.Equal(month, parts.Month);
    }

    [Theory]
    [InlineData("There is a demo tonight at 6pm in Millennium Square.")]
    [InlineData("172 votes to 40")]
    [InlineData("25:00")]
    [InlineData("13pm")]
    [InlineData("2016")]
    [InlineData("")]
    [InlineData("\u0661\u0664:\u0660\u0660")] // 14:00 in Arabic-Indic digits: not read, and no crash
    [InlineData("\u0968\u096F June 14:00")]
    public void Ordinary_text_is_not_a_heading(string text) =>
        Assert.False(TimestampText.TryParse(text, London, out _));

    [Theory]
    [InlineData("11.04 Uhr: Drone strike reported", 11, 4, "Drone strike reported")]
    [InlineData("2.05pm – Vote passed by 172 to 40", 14, 5, "Vote passed by 172 to 40")]
    [InlineData("Tuesday 28 June – 10:42: Cameron arrives", 10, 42, "Cameron arrives")]
    [InlineData("14:00 | \"We will not back down\"", 14, 0, "\"We will not back down\"")]
    [InlineData("18:20 - Pickets at the gates", 18, 20, "Pickets at the gates")]
    public void A_heading_can_lead_with_its_time_and_carry_a_headline(string text, int hour, int minute, string headline)
    {
        Assert.True(TimestampText.TryParseLeading(text, London, out var parts, out var rest));
        Assert.Equal((hour, minute), (parts.Hour, parts.Minute));
        Assert.Equal(headline, rest);
    }

    [Theory]
    [InlineData("Vote: 172 to 40")]
    [InlineData("2016: the year of the vote")]
    [InlineData("10:42")]
    [InlineData("Budget 2024-25 - what changes")]
    [InlineData("14:00 -")]
    public void A_heading_without_a_leading_time_and_a_headline_is_not_one(string text) =>
        Assert.False(TimestampText.TryParseLeading(text, London, out _, out _));

    [Theory]
    [InlineData("Jul 18, 2025", 18, 7, 2025)]
    [InlineData("Tuesday 28 June", 28, 6, null)]
    [InlineData("28 June 2016", 28, 6, 2016)]
    public void A_date_alone_is_recognised_as_a_date(string text, int day, int month, int? year)
    {
        Assert.True(TimestampText.TryParseDate(text, out var date));
        Assert.Equal((day, month, year), (date.Day!.Value, date.Month!.Value, date.Year));
        Assert.False(TimestampText.TryParseDate("28 June 2016, 14:00", out _));
        Assert.False(TimestampText.TryParseDate("We met on 28 June", out _));
    }

    [Fact]
    public void Zone_abbreviations_give_offsets()
    {
        Assert.True(TimestampText.TryParse("29 June 2016, 14:00 BST", London, out var bst));
        Assert.Equal(TimeSpan.FromHours(1), bst.Offset);
        Assert.True(TimestampText.TryParse("14:00 GMT+1", London, out var gmtPlus));
        Assert.Equal(TimeSpan.FromHours(1), gmtPlus.Offset);
    }

    [Fact]
    public void Year_comes_from_page_metadata_before_the_weekday_rule()
    {
        Assert.True(TimestampText.TryParse("Monday 27 June – 14:00", London, out var parts));
        var page = new PageContext(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), London)
        {
            Published = new DateTimeOffset(2011, 6, 20, 0, 0, 0, TimeSpan.Zero),
        };

        // 27 June 2011 was a Monday; so was 27 June 2022 — the page's date decides.
        Assert.Equal(new DateTimeOffset(2011, 6, 27, 14, 0, 0, TimeSpan.FromHours(1)), DateResolver.Resolve([parts], page)[0]);
    }

    [Fact]
    public void Without_metadata_the_latest_year_not_after_now_whose_weekday_matches_wins()
    {
        Assert.True(TimestampText.TryParse("Monday 27 June – 14:00", London, out var parts));
        var page = new PageContext(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), London);

        Assert.Equal(2022, DateResolver.Resolve([parts], page)[0].Year);
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_moves_forward_with_the_clocks()
    {
        var instant = ZoneTime.Resolve(new DateTime(2024, 3, 31, 1, 30, 0), London, null);

        Assert.Equal(new DateTimeOffset(2024, 3, 31, 2, 30, 0, TimeSpan.FromHours(1)), instant);
    }

    [Fact]
    public void A_time_in_the_autumn_overlap_takes_the_offset_nearest_its_neighbour()
    {
        var local = new DateTime(2024, 10, 27, 1, 30, 0);
        var first = ZoneTime.Resolve(local, London, null);
        var afterLaterOne = ZoneTime.Resolve(local, London, new DateTimeOffset(2024, 10, 27, 1, 50, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(1), first.Offset);
        Assert.Equal(TimeSpan.Zero, afterLaterOne.Offset);
    }

    [Theory]
    [InlineData("\u0661\u0664 Jun 2016 10:00:00 GMT")]
    [InlineData("2016-06-\u0662\u0668T10:00:00Z")]
    public void A_feed_date_in_other_digits_is_unreadable_not_a_crash(string value) =>
        Assert.Null(UpdateBot.Sources.Parsing.FeedDates.Parse(value, London));
}
