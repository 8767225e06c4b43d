using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Tests.Fakes;

namespace UpdateBot.Core.Tests;

/// <summary>"/post text --near place [radius]": parsing, the area's reach, preview, send and audit, over in-memory stores.</summary>
public sealed class PostNearTests
{
    private const string Moderator = "42";

    [Theory]
    [InlineData("/post Road closed --near", "--near needs a place, e.g. --near Leeds 20km. Nothing was posted.")]
    [InlineData("/post Road closed --near --now", "--near needs a place")]
    [InlineData("/post Road closed --near 20km --now", "--near needs a place")]
    [InlineData("/post Road closed --near Atlantis 20km --now", "I don't know a place called \"Atlantis\". Try a town or city name. Nothing was posted.")]
    [InlineData("/post Road closed --near Newport --now", "\"Newport\" could be Newport (Wales, GB) or Newport (England, GB). Say which, e.g. --near \"Newport, Wales\".")]
    [InlineData("/post Road closed --near Leeds 0km --now", "Radius must be between 1 and 500 km. Nothing was posted.")]
    [InlineData("/post Road closed --near Leeds 20000km --now", "Radius must be between 1 and 500 km.")]
    [InlineData("/post Road closed --near Leeds -5 --now", "Radius must be between 1 and 500 km.")]
    [InlineData("/post Road closed --near Leeds 20mi --now", "The radius is in kilometres, e.g. --near Leeds 20km.")]
    [InlineData("/post Road closed --near Leeds --radius 9000 --now", "Radius must be between 1 and 500.")]
    [InlineData("/post Road closed --near Leeds 20km --radius 10 --now", "Give the radius once")]
    [InlineData("/post Road closed --radius 20 --now", "--radius goes with --near")]
    [InlineData("/post Road closed --near Leeds 20km --near York --now", "Give --near only once.")]
    [InlineData("/post --near Leeds 20km --now", "There is nothing to post.")]
    [InlineData("/post --near Leeds --radius 5 20km Road closed --now", "Give the radius once")]
    public async Task A_bad_near_option_is_refused_clearly_and_nothing_is_posted(string command, string expected)
    {
        using var bot = NewBot();

        var response = await bot.Commands.HandleAsync(Bot.Private(command, Moderator), CancellationToken.None);

        Assert.Equal(MessageTone.Error, response.Messages[0].Tone);
        Assert.Contains(expected, response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Timeline.Batches);
        Assert.Empty(bot.Audit.Records);
    }

    [Theory]
    [InlineData("/post Road closed at the bridge --near Leeds 20km --now", "Leeds", 20)]
    [InlineData("/post Road closed at the bridge --near Leeds 20 km --now", "Leeds", 20)]
    [InlineData("/post Road closed at the bridge --now --near Leeds 2.5", "Leeds", 2.5)]
    [InlineData("/post Road closed at the bridge --near Leeds --now", "Leeds", 25)]
    [InlineData("/post Road closed at the bridge --near Leeds --radius 40 --now", "Leeds", 40)]
    [InlineData("/post Road closed at the bridge --near \"Newport, Wales\" 30km --now", "Newport", 30)]
    [InlineData("/post Road closed at the bridge --near Newport, England --now", "Newport", 25)]
    [InlineData("/post Road closed at the bridge --near london --now", "London", 25)]
    [InlineData("/post --near Leeds 20km Road closed at the bridge --now", "Leeds", 20)]
    [InlineData("/post --near Leeds Road closed at the bridge --radius 15 --now", "Leeds", 15)]
    [InlineData("/post Road closed at the bridge --radius 15 --near Leeds --now", "Leeds", 15)]
    [InlineData("/post Road closed at the bridge --radius 15 --now --near Newport, Wales", "Newport", 15)]
    public async Task The_near_option_is_read_in_every_written_form(string command, string place, double radius)
    {
        using var bot = NewBot();

        var response = await bot.Commands.HandleAsync(Bot.Private(command, Moderator), CancellationToken.None);

        var change = Assert.Single(bot.Timeline.Changes);
        Assert.Equal("Road closed at the bridge", change.Entry.Text);
        Assert.NotNull(change.Scope?.HomePlaces);
        var reply = response.Messages[0].Body[0].PlainText;
        Assert.Contains($"within {radius.ToString(System.Globalization.CultureInfo.InvariantCulture)} km of {place} (", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_with_a_country_code_picks_that_country()
    {
        using var bot = NewBot();

        var response = await bot.Commands.HandleAsync(Bot.Private("/post Vigil tonight --near London, CA 10km --now", Moderator), CancellationToken.None);

        Assert.Contains("within 10 km of London (Ontario, CA)", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_slash_options_give_the_same_area()
    {
        using var bot = NewBot();
        var inbound = Bot.Private("/post", Moderator) with
        {
            Chat = new ChatAddress("discord", "900"),
            User = new UserRef("discord", Moderator),
            Options = new Dictionary<string, string> { ["text"] = "Road closed at the bridge", ["near"] = "Leeds", ["radius"] = "20", ["now"] = "true" },
            HasModeratorRole = true,
        };

        var response = await bot.Commands.HandleAsync(inbound, CancellationToken.None);

        var change = Assert.Single(bot.Timeline.Changes);
        Assert.Equal(["Leeds, GB", "Bradford, GB"], change.Scope!.HomePlaces!.Order().Reverse());
        Assert.Contains("within 20 km of Leeds (England, GB), 3 destinations", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Reach_keeps_the_home_places_inside_the_radius_and_counts_their_destinations()
    {
        var places = new FakePlaceDirectory();
        HomePlaceCount[] homes =
        [
            new("Leeds, GB", 3),
            new("Bradford, GB", 2), // 13.6 km from Leeds
            new("York, GB", 4), // 34 km
            new("Manchester, GB", 5), // 58 km
            new("Atlantis, XX", 7), // unknown to the directory now
        ];

        var near = PostReach.Select(new PostArea(FakePlaceDirectory.Leeds, 20), homes, places);
        var wider = PostReach.Select(new PostArea(FakePlaceDirectory.Leeds, 40), homes, places);
        var tight = PostReach.Select(new PostArea(FakePlaceDirectory.Leeds, 1), homes, places);

        Assert.Equal(["Leeds, GB", "Bradford, GB"], near.HomePlaces);
        Assert.Equal(5, near.Destinations);
        Assert.Equal(["Leeds, GB", "Bradford, GB", "York, GB"], wider.HomePlaces);
        Assert.Equal(9, wider.Destinations);
        Assert.Equal(["Leeds, GB"], tight.HomePlaces);
        Assert.Equal(near.HomePlaces, near.Scope.HomePlaces);
        Assert.False(near.Scope.AlreadyReachedOnly);
    }

    [Fact]
    public void An_area_holds_its_edge_and_never_a_chat_without_a_home_place()
    {
        var leeds = FakePlaceDirectory.Leeds;
        var bradford = FakePlaceDirectory.Bradford;
        var distance = leeds.Location.DistanceKm(bradford.Location);

        Assert.InRange(distance, 13, 14.5);
        Assert.True(new PostArea(leeds, distance).Contains(bradford));
        Assert.False(new PostArea(leeds, distance - 0.01).Contains(bradford));
        Assert.False(new PostArea(leeds, 500).Contains(null));
    }

    [Fact]
    public async Task The_preview_states_the_area_and_its_reach_and_Send_posts_only_there()
    {
        using var bot = NewBot();

        var preview = await bot.Commands.HandleAsync(Bot.Private("/post Road closed at the bridge --near Leeds 20km", Moderator), CancellationToken.None);
        Assert.Empty(bot.Timeline.Batches);
        Assert.Equal(
            "Press Send to post this only to chats whose home place is within 20 km of Leeds (England, GB), 3 destinations.",
            preview.Messages[0].Footer);
        Assert.Equal("Road closed at the bridge", preview.Messages[0].Body[0].PlainText);
        Assert.True(preview.Messages[0].Private);

        // A chat near Leeds subscribes before Send: the reach is counted again when the entry goes out.
        bot.Homes.Chats.Add((new ChatAddress("discord", "d-late"), "Bradford, GB", true));
        var send = preview.Messages[0].Buttons[0][0];
        var sent = await bot.Commands.HandleAsync(Bot.Private("", Moderator) with { CallbackData = send.Data }, CancellationToken.None);

        var change = Assert.Single(bot.Timeline.Changes);
        Assert.Equal(ChangeKind.Added, change.Kind);
        Assert.Equal(EntryKind.Breaking, change.Entry.Kind);
        Assert.True(change.Deliver);
        Assert.Equal(["Bradford, GB", "Leeds, GB"], change.Scope!.HomePlaces!.Order());
        Assert.Equal("Sent.", sent.Notice);
        Assert.Contains("only to chats whose home place is within 20 km of Leeds (England, GB), 4 destinations", sent.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        var audit = Assert.Single(bot.Audit.Records);
        Assert.Equal("post", audit.Action);
        Assert.Equal(change.Entry.Id, audit.Target);
        Assert.Equal("[within 20 km of Leeds (England, GB), 4 destinations] Road closed at the bridge", audit.Detail);
    }

    [Fact]
    public async Task An_area_without_subscribed_chats_says_so_before_Send()
    {
        using var bot = NewBot();

        var preview = await bot.Commands.HandleAsync(Bot.Private("/post Road closed --near London", Moderator), CancellationToken.None);

        Assert.Equal(
            "No subscribed chat has a home place within 25 km of London (England, GB): Send would only add it to /latest and the feeds.",
            preview.Messages[0].Footer);
    }

    [Fact]
    public async Task A_post_without_near_still_goes_everywhere()
    {
        using var bot = NewBot();

        await bot.Commands.HandleAsync(Bot.Private("/post Meeting cancelled --now", Moderator), CancellationToken.None);

        var change = Assert.Single(bot.Timeline.Changes);
        Assert.Null(change.Scope);
        Assert.Equal("Meeting cancelled", Assert.Single(bot.Audit.Records).Detail);
    }

    [Fact]
    public async Task Edit_and_retract_follow_an_entry_only_into_the_chats_it_reached()
    {
        using var bot = NewBot();
        await bot.Commands.HandleAsync(Bot.Private("/post Road closed --near Leeds 20km --now", Moderator), CancellationToken.None);
        var id = bot.Timeline.Changes.Single().Entry.Id;

        await bot.Commands.HandleAsync(Bot.Private($"/edit {id} Road open again", Moderator), CancellationToken.None);
        await bot.Commands.HandleAsync(Bot.Private($"/retract {id}", Moderator), CancellationToken.None);

        var changes = bot.Timeline.Changes.ToList();
        Assert.Equal([ChangeKind.Added, ChangeKind.Updated, ChangeKind.Removed], changes.Select(c => c.Kind));
        Assert.Same(DeliveryScope.AlreadyReached, changes[1].Scope);
        Assert.Same(DeliveryScope.AlreadyReached, changes[2].Scope);
    }

    [Fact]
    public async Task Without_a_place_directory_near_is_refused()
    {
        using var bot = new Bot(withPlaces: false);

        var response = await bot.Commands.HandleAsync(Bot.Private("/post Road closed --near Leeds --now", Moderator), CancellationToken.None);

        Assert.Equal(MessageTone.Error, response.Messages[0].Tone);
        Assert.Contains("--near cannot be used", response.Messages[0].Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(bot.Timeline.Batches);
    }

    [Fact]
    public async Task Help_and_autocomplete_offer_the_near_option()
    {
        using var bot = NewBot();

        var help = await bot.Commands.HandleAsync(Bot.Private("/help", Moderator), CancellationToken.None);
        var suggestions = await bot.Commands.SuggestAsync("post", "near", "New", CancellationToken.None);

        var post = help.Messages[0].Body.Select(p => p.PlainText).Single(t => t.StartsWith("/post", StringComparison.Ordinal));
        Assert.Contains("[--near near]", post, StringComparison.Ordinal);
        Assert.Contains("--near Leeds 20km", post, StringComparison.Ordinal);
        Assert.Equal(["Newport, Wales", "Newport, England"], suggestions);
    }

    private static Bot NewBot()
    {
        var bot = new Bot();
        bot.Homes.Chats.AddRange(
        [
            (new ChatAddress("telegram", "t-leeds"), "Leeds, GB", true),
            (new ChatAddress("discord", "d-leeds"), "Leeds, GB", true),
            (new ChatAddress("telegram", "t-bradford"), "Bradford, GB", true),
            (new ChatAddress("discord", "d-york"), "York, GB", true),
            (new ChatAddress("telegram", "t-manchester"), "Manchester, GB", true),
            (new ChatAddress("discord", "d-leeds-unsubscribed"), "Leeds, GB", false),
            (new ChatAddress("telegram", "t-nowhere"), null, true),
        ]);
        return bot;
    }
}
