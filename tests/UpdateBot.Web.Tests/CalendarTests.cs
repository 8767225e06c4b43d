using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class CalendarTests
{
    private static readonly Place London = new("London", "GB", "England", new GeoPoint(51.5072, -0.1276), 8_900_000);
    private static readonly Place Brighton = new("Brighton", "GB", "England", new GeoPoint(50.8225, -0.1372), 290_000);

    private static Task<WebHost> StartAsync() => WebHost.StartAsync(services =>
    {
        StatusFixture.Services(services);
        services.AddSingleton<IPlaceDirectory>(new FakePlaceDirectory(London, Brighton));
        services.Configure<UpdateBot.Events.Hosting.EventsOptions>(o => o.Region = "GB");
    });

    [Fact]
    public async Task Events_ics_is_an_RFC_5545_calendar_of_upcoming_events_with_cancellations()
    {
        await using var web = await StartAsync();
        using var response = await web.Client.GetAsync("/events.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"unfolded line: {line}"));

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        var march = calendar.Events.Single(e => e.Summary == "Climate march");
        Assert.Equal("Europe/London", march.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 6, 29, 13, 50, 0), march.DtStart.Value);
        var vigil = calendar.Events.Single(e => e.Summary == "Vigil for the flood victims");
        Assert.Equal(Ical.Net.EventStatus.Cancelled, vigil.Status);
        Assert.False(vigil.DtStart!.HasTime);
    }

    [Fact]
    public async Task Near_a_place_keeps_only_events_within_the_radius()
    {
        await using var web = await StartAsync();
        var catalog = (FakeEventCatalog)web.Get<IEventCatalog>();

        var nearLondon = Ical.Net.Calendar.Load(await web.Client.GetStringAsync("/events.ics?near=london&radius=10"))!;
        Assert.Equal("Climate march", Assert.Single(nearLondon.Events).Summary);
        Assert.Equal(10, catalog.Queries[^1].RadiusKm);
        Assert.Equal(London.Location, catalog.Queries[^1].Center);
        Assert.Equal("GB", ((FakePlaceDirectory)web.Get<IPlaceDirectory>()).RegionHints[^1]);

        var nearBrighton = Ical.Net.Calendar.Load(await web.Client.GetStringAsync("/events.ics?near=Brighton"))!;
        Assert.Empty(nearBrighton.Events);
        Assert.Equal(EventQuery.DefaultRadiusKm, catalog.Queries[^1].RadiusKm);
    }

    [Theory]
    [InlineData("/events.ics?near=Atlantis")]
    [InlineData("/events.ics?near=London&radius=-5")]
    [InlineData("/events.ics?near=London&radius=lots")]
    [InlineData("/events.ics?radius=5000")]
    public async Task A_bad_place_or_radius_is_a_clear_400(string url)
    {
        await using var web = await StartAsync();
        using var response = await web.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_an_event_catalog_the_calendar_is_404()
    {
        await using var web = await WebHost.StartAsync();
        using var response = await web.Client.GetAsync("/events.ics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
