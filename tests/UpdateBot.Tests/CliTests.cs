using UpdateBot.Cli;

namespace UpdateBot.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task ParsePrintsOneJsonObjectPerEntryNewestFirstWithOffsets()
    {
        var path = Path.Combine(Path.GetTempPath(), $"updatebot-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, Fixtures.Page(Fixtures.Monday));
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var code = await BotCli.RunAsync(["parse", path, "--now", "2016-06-29T15:00:00+01:00", "--tz", "Europe/London"], output, error);

            Assert.Equal(0, code);
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
            using var last = System.Text.Json.JsonDocument.Parse(lines[^1]);
            Assert.Equal("2016-06-27T15:53:00+01:00", first.RootElement.GetProperty("published").GetString());
            Assert.Equal("2016-06-27T14:00:00+01:00", last.RootElement.GetProperty("published").GetString());
            foreach (var name in new[] { "id", "published", "updated", "title", "text", "url", "kind" })
            {
                Assert.True(first.RootElement.TryGetProperty(name, out _), $"missing {name}");
            }

            Assert.DoesNotContain("Share this article", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task EventsPrintsTheUpcomingEventsFoundInTheEntries()
    {
        var path = Path.Combine(Path.GetTempPath(), $"updatebot-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, Fixtures.Page(
            ("Tuesday 28 June – 10:42", "An update from Leeds: there is a demo tonight at 6pm in Millennium Square."),
            ("Tuesday 28 June – 11:00", "Demos yesterday in Bristol drew 5,000 people.")));
        try
        {
            var output = new StringWriter();

            var code = await BotCli.RunAsync(["events", path, "--now", "2016-06-28T12:00:00+01:00", "--tz", "Europe/London"], output, new StringWriter());

            Assert.Equal(0, code);
            var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            using var json = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal("2016-06-28T18:00:00+01:00", json.RootElement.GetProperty("start").GetString());
            Assert.Equal("Leeds", json.RootElement.GetProperty("place").GetString());
            Assert.Equal("Millennium Square", json.RootElement.GetProperty("venue").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ParseOfAnArticleSaysItIsNotALiveBlogAndPrintsNoEntries()
    {
        var path = Path.Combine(Path.GetTempPath(), $"updatebot-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, """
            <html><head><meta property="og:type" content="article"><title>Inside the longest strike</title></head><body>
            <header><h1>Inside the longest strike</h1><p class="time__stamp">10:00 GMT Thursday, 05 January 2017</p></header>
            <div class="story"><p>It began with a letter.</p><p>Then a vote.</p><p>Then the gates closed.</p><p>And so on.</p></div>
            </body></html>
            """);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var code = await BotCli.RunAsync(["parse", path, "--now", "2017-01-06T00:00:00Z"], output, error);

            Assert.Equal(0, code);
            Assert.Equal("", output.ToString());
            Assert.Equal("Note: this page is an article, not a live blog; it has no entries.", error.ToString().Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ParseOfAMissingFileSaysSoInOneLine()
    {
        var error = new StringWriter();

        var code = await BotCli.RunAsync(["parse", "/nonexistent/page.html"], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Equal("Error: '/nonexistent/page.html' is neither an http(s) URL nor an existing file.", error.ToString().Trim());
    }

    [Fact]
    public async Task BadTimeZoneStopsStartUpWithOneLineNamingTheKey()
    {
        var error = new StringWriter();
        Environment.SetEnvironmentVariable("UpdateBot__TimeZone", "Mars/Olympus_Mons");
        try
        {
            var code = await BotCli.RunAsync(["run", "--once", "--feed", "/nonexistent/feed.xml"], new StringWriter(), error);

            Assert.Equal(2, code);
            Assert.Contains("Configuration error: UpdateBot:TimeZone 'Mars/Olympus_Mons' is not a known IANA time zone", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("UpdateBot__TimeZone", null);
        }
    }

    [Fact]
    public async Task UnknownVerbIsRefusedWithUsageHint()
    {
        var error = new StringWriter();

        var code = await BotCli.RunAsync(["frobnicate"], new StringWriter(), error);

        Assert.Equal(2, code);
        Assert.Contains("Unknown verb 'frobnicate'", error.ToString(), StringComparison.Ordinal);
    }
}
