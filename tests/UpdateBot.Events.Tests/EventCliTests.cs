using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using UpdateBot.Events.Cli;

namespace UpdateBot.Events.Tests;

public sealed class EventCliTests
{
    private static readonly UpdateBot.Core.Entries.Entry[] Entries =
    [
        Blog.Entry("2016-06-28 10:42", "An update on events in Leeds:\n\n1. There is a demo tonight at 6pm in Millennium Square.\n2. There is a meeting on Thursday at 6:30pm in the Victoria Hotel", id: "e1042"),
        Blog.Entry("2016-06-27 15:53", "A reminder for those in Newcastle – there's a protest at 5:30pm at Grey's Monument.", id: "e1553"),
        Blog.Entry("2016-06-28 09:00", "Vigil in York tonight at 9pm.", id: "e0900"),
        Blog.Entry("2016-06-28 11:00", "Tonight's vigil in York has been called off.", id: "e1100"),
    ];

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = EventCli.Run(Entries, args, output, error, new FakeTimeProvider(new DateTimeOffset(2016, 6, 28, 12, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Jsonl_lists_upcoming_not_cancelled_events_one_object_per_line()
    {
        var (code, output, _) = Run("--now", "2016-06-28T12:00:00+01:00");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("demo", root.GetProperty("kind").GetString());
        Assert.Equal("2016-06-28T18:00:00+01:00", root.GetProperty("start").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("end").ValueKind);
        Assert.True(root.GetProperty("timeKnown").GetBoolean());
        Assert.Equal("Leeds", root.GetProperty("place").GetString());
        Assert.Equal("GB", root.GetProperty("country").GetString());
        Assert.InRange(root.GetProperty("lat").GetDouble(), 53.7, 53.9);
        Assert.InRange(root.GetProperty("lon").GetDouble(), -1.7, -1.4);
        Assert.Equal("Millennium Square", root.GetProperty("venue").GetString());
        Assert.Equal("scheduled", root.GetProperty("status").GetString());
        Assert.Equal("e1042", root.GetProperty("entryId").GetString());
        Assert.Equal("https://example.org/live#e1042", root.GetProperty("url").GetString());
        Assert.Contains("\"title\":", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void All_includes_past_and_cancelled_events()
    {
        var (_, output, _) = Run("--now", "2016-06-28T12:00:00+01:00", "--all");

        var statuses = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("status").GetString()).ToList();
        Assert.Equal(4, statuses.Count);
        Assert.Contains("cancelled", statuses);
    }

    [Fact]
    public void Near_a_place_filters_by_radius()
    {
        var (code, output, _) = Run("--now", "2016-06-27T12:00:00+01:00", "--near", "Newcastle", "--radius-km", "10");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"place\":\"Newcastle upon Tyne\"", line, StringComparison.Ordinal);
        Assert.Contains("\"venue\":\"Grey's Monument\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_now_the_time_provider_decides_what_is_upcoming()
    {
        var (_, output, _) = Run();

        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--tz", "Mars/Olympus")]
    [InlineData("--radius-km", "-3")]
    [InlineData("--now", "yesterday-ish")]
    [InlineData("--near", "Qwxzzyville")]
    [InlineData("--bogus")]
    public void Bad_options_give_a_clear_error_and_exit_code_2(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("events: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ics_is_valid_rfc5545_with_the_zone_and_cancelled_status()
    {
        var (code, output, _) = Run("--now", "2016-06-27T12:00:00+01:00", "--all", "--format", "ics");

        Assert.Equal(0, code);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", output, StringComparison.Ordinal);
        Assert.Contains("VERSION:2.0", output, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London", output, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20160628T180000", output, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", output, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:", output, StringComparison.Ordinal);

        var calendar = Ical.Net.Calendar.Load(output)!;
        Assert.Equal(4, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.False(string.IsNullOrEmpty(e.Uid)));
        var demo = calendar.Events.Single(e => e.DtStart!.Hour == 18 && e.DtStart.Day == 28);
        Assert.Equal("Europe/London", demo.DtStart!.TzId);
        Assert.Equal(new DateTime(2016, 6, 28, 17, 0, 0, DateTimeKind.Utc), demo.DtStart.AsUtc);
        Assert.All(output.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }
}
