using UpdateBot.Core.Chats;

namespace UpdateBot.Events.Tests;

/// <summary>The shipped gazetteer (loaded once per test run through <see cref="Gazetteer.Directory"/>).</summary>
public sealed class GazetteerTests
{
    private static readonly UpdateBot.Core.Places.IPlaceDirectory Places = Gazetteer.Directory;

    [Fact]
    public void Newcastle_in_a_uk_context_is_newcastle_upon_tyne_not_the_northern_irish_town()
    {
        var place = Places.Find("Newcastle", "GB");

        Assert.Equal("Newcastle upon Tyne", place?.Name);
        Assert.Equal("England", place?.Admin1);
        Assert.True(place!.Population > 150_000);
    }

    [Fact]
    public void Region_hint_changes_the_answer_for_an_ambiguous_name()
    {
        Assert.Equal("AU", Places.Find("Newcastle", "AU")?.Country);
        Assert.Equal("GB", Places.Find("Newcastle", "UK")?.Country);
    }

    [Theory]
    [InlineData("Zurich", "Zürich")]
    [InlineData("ZÜRICH", "Zürich")]
    [InlineData("Londres", "London")]
    [InlineData("stoke-on-trent", "Stoke-on-Trent")]
    [InlineData("Stoke on Trent", "Stoke-on-Trent")]
    [InlineData("Hull", "Kingston upon Hull")]
    [InlineData("Leeds, UK", "Leeds")]
    [InlineData("Caerdydd", "Cardiff")]
    [InlineData("kings lynn", "King's Lynn")]
    public void Names_are_found_with_aliases_alternate_names_and_accent_folding(string query, string expected)
    {
        Assert.Equal(expected, Places.Find(query, "GB")?.Name);
    }

    [Fact]
    public void Administrative_seats_without_population_are_found()
    {
        var hackney = Places.Find("Hackney", "GB");

        Assert.NotNull(hackney);
        Assert.InRange(hackney.Location.DistanceKm(Places.Find("London", "GB")!.Location), 0, 15);
    }

    [Fact]
    public void An_unknown_name_is_null()
    {
        Assert.Null(Places.Find("Qwxzzyville", "GB"));
        Assert.Null(Places.Find("   ", "GB"));
    }

    [Fact]
    public void Suggest_lists_places_by_prefix_most_relevant_first()
    {
        var suggestions = Places.Suggest("newc", 5);

        Assert.Equal(5, suggestions.Count);
        Assert.Equal("Newcastle upon Tyne", suggestions[0].Name);
        Assert.All(suggestions, p => Assert.StartsWith("newc", p.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Suggest_with_nothing_to_match_is_empty()
    {
        Assert.Empty(Places.Suggest("", 5));
        Assert.Empty(Places.Suggest("zzqqxx", 5));
    }

    [Fact]
    public void Nearest_returns_places_nearest_first()
    {
        var nearLeeds = new GeoPoint(53.7965, -1.5479);

        var places = Places.Nearest(nearLeeds, 4);

        Assert.Equal("Leeds", places[0].Name);
        var distances = places.Select(p => p.Location.DistanceKm(nearLeeds)).ToList();
        Assert.Equal(distances.Order(), distances);
    }
}
