using Microsoft.Extensions.Options;
using UpdateBot.Core.Entries;
using UpdateBot.Events.Filtering;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Tests;

public sealed class EntryPlacesTests
{
    private readonly EntryPlaces places = new(Options.Create(new EventsOptions { Region = "GB" }));

    private static Entry Saying(string text) => new()
    {
        SourceName = "live",
        Id = "x",
        Published = DateTimeOffset.UnixEpoch,
        Text = text,
    };

    [Fact]
    public void AnEntryNamingATownWithinTheRadiusIsNear()
    {
        var entry = Saying("Pickets are out at the bus depot in Bradford this morning.");

        Assert.True(places.IsNear(entry, "Leeds", 25));
        Assert.False(places.IsNear(entry, "Leeds", 5));
        Assert.False(places.IsNear(entry, "Cardiff", 25));
    }

    [Fact]
    public void AnEntryNamingNoPlaceIsNotNearAnything()
    {
        Assert.False(places.IsNear(Saying("Reading the statement aloud, she was cheered."), "Reading", 25));
    }
}
