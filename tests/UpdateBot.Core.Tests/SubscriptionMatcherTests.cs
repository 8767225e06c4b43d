using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Core.Tests.Fakes;

namespace UpdateBot.Core.Tests;

public sealed class SubscriptionMatcherTests
{
    private static readonly Entry Strike = new()
    {
        SourceName = "leeds",
        Id = "s1",
        Published = DateTimeOffset.UnixEpoch,
        Title = "Bus drivers",
        Text = "Pickets are out at the depot in Bradford this morning.",
    };

    [Theory]
    [InlineData("pickets", true)]
    [InlineData("PICKETS", true)]
    [InlineData("picket", false)]
    [InlineData("bus", true)]
    [InlineData("rally,depot", true)]
    [InlineData("rally,march", false)]
    public void KeywordsMatchWholeWordsInAnyCase(string keywords, bool expected)
    {
        var filter = new SubscriptionFilter { Keywords = keywords.Split(',') };

        Assert.Equal(expected, new SubscriptionMatcher().Matches(filter, Strike));
    }

    [Fact]
    public void NearAsksThePlaceSpotter()
    {
        var places = new NearOnly("Leeds", 25);
        var matcher = new SubscriptionMatcher(places);

        Assert.True(matcher.Matches(new SubscriptionFilter { NearPlace = "Leeds", RadiusKm = 25 }, Strike));
        Assert.False(matcher.Matches(new SubscriptionFilter { NearPlace = "Leeds", RadiusKm = 5 }, Strike));
        Assert.False(matcher.Matches(new SubscriptionFilter { NearPlace = "Cardiff", RadiusKm = 25 }, Strike));
    }

    [Fact]
    public async Task AnUnfilteredSubscriptionCoveringTheSourceWantsEverything()
    {
        var store = new InMemorySubscriptionStore();
        var chat = new ChatAddress("telegram", "1");
        await store.SubscribeAsync(new Subscription { Chat = chat, SourceName = "leeds", Filter = new SubscriptionFilter { Keywords = ["rally"] } }, default);
        var matcher = new SubscriptionMatcher();

        var filtered = await matcher.WantsAsync(store, chat, Strike, default);
        await store.SubscribeAsync(new Subscription { Chat = chat }, default);
        var everything = await matcher.WantsAsync(store, chat, Strike, default);

        Assert.False(filtered);
        Assert.True(everything);
    }

    private sealed class NearOnly(string place, double radius) : IEntryPlaces
    {
        public bool IsNear(Entry entry, string placeName, double radiusKm) => placeName == place && radiusKm >= radius;
    }
}
