using System.Net;
using System.Text.RegularExpressions;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed partial class StatusPageTests
{
    [Fact]
    public async Task The_page_is_self_contained_escaped_html_with_a_strict_content_security_policy()
    {
        await using var web = await WebHost.StartAsync(StatusFixture.Services, StatusFixture.Settings(), StatusFixture.Entries(), StatusFixture.States());
        using var response = await web.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Minister resigns over &lt;leaked&gt; letter", html, StringComparison.Ordinal);
        Assert.Contains("HTTP 503 &lt;Service Unavailable&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<leaked>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://", html.Replace("href=\"https://example.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Matches(SourceItem("reuters", "waiting"), html);
        Assert.Matches(SourceItem("guardian", "ok"), html);
        Assert.Matches(SourceItem("bbc", "failing"), html);
    }

    [ChromiumFact]
    public async Task Chromium_shows_sources_queue_entries_and_events()
    {
        await using var web = await WebHost.StartAsync(StatusFixture.Services, StatusFixture.Settings(), StatusFixture.Entries(), StatusFixture.States());
        var profile = Directory.CreateTempSubdirectory("updatebot-chromium-");
        try
        {
            var dom = await Chromium.RunAsync(profile.FullName, "--dump-dom", web.BaseAddress.AbsoluteUri);

            Assert.Contains("<title>UpdateBot status</title>", dom, StringComparison.Ordinal);
            Assert.Matches(SourceItem("guardian", "ok"), dom);
            Assert.Matches(SourceItem("bbc", "failing"), dom);
            Assert.Matches(SourceItem("reuters", "waiting"), dom);
            Assert.Contains("4 failed reads: HTTP 503 &lt;Service Unavailable&gt;", dom, StringComparison.Ordinal);
            Assert.Contains("last read 11:49", dom, StringComparison.Ordinal);
            Assert.Contains("<td>telegram</td><td>3</td><td>1250</td><td>2</td>", dom, StringComparison.Ordinal);
            Assert.Contains("disconnected</span><strong>discord</strong>", dom, StringComparison.Ordinal);

            // Entries newest first, times in Europe/London (BST, UTC+1).
            var breaking = dom.IndexOf("Breaking: Road closed at the bridge; use the ferry.", StringComparison.Ordinal);
            var minister = dom.IndexOf("Minister resigns over &lt;leaked&gt; letter", StringComparison.Ordinal);
            var yesterday = dom.IndexOf("Yesterday's summary", StringComparison.Ordinal);
            Assert.True(breaking > 0 && breaking < minister && minister < yesterday, "entries are not newest first");
            Assert.Contains("<time>11:47</time>", dom, StringComparison.Ordinal);
            Assert.Contains("<time>Sat 27 Jun 09:50</time>", dom, StringComparison.Ordinal);

            Assert.Contains("<time>Mon 29 Jun 13:50</time>", dom, StringComparison.Ordinal);
            Assert.Contains("Climate march", dom, StringComparison.Ordinal);
            Assert.Contains("Parliament Square, London", dom, StringComparison.Ordinal);
            Assert.Contains("<time>Tue 30 Jun evening</time><small>cancelled</small>", dom, StringComparison.Ordinal);

            var screenshot = Path.Combine(profile.FullName, "status.png");
            await Chromium.RunAsync(profile.FullName, $"--screenshot={screenshot}", "--window-size=412,1150", web.BaseAddress.AbsoluteUri);
            var png = await File.ReadAllBytesAsync(screenshot);
            Assert.True(png.Length > 5000, "screenshot is suspiciously small");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            if (Environment.GetEnvironmentVariable("UPDATEBOT_STATUS_SCREENSHOT") is { Length: > 0 } keep)
            {
                File.Copy(screenshot, keep, overwrite: true);
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static Regex SourceItem(string name, string health) =>
        new($"data-source=\"{name}\"><div class=\"row\"><span class=\"badge {health}\">{health}</span><strong>{name}</strong>");
}
