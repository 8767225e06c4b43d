using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Events;
using UpdateBot.Events.Commands;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Tests;

public sealed class CommandTests
{
    private static readonly DateTimeOffset Now = new(2016, 6, 28, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly ChatAddress Chat = new("test", "42");

    private readonly EventIndex index = new();
    private readonly InMemoryChatSettingsStore settings = new();
    private readonly FeedTimeZones zones = new(new StaticMonitor<UpdateBotOptions>(new UpdateBotOptions()));
    private readonly IOptions<EventsOptions> options = Options.Create(new EventsOptions());

    public CommandTests()
    {
        index.ObserveMany(
        [
            Blog.Entry("2016-06-28 08:42", "An update on events in Leeds:\n\n1. There is a demo tonight at 6pm in Millennium Square.\n2. There is a meeting on Thursday at 6:30pm in the Victoria Hotel"),
            Blog.Entry("2016-06-28 08:50", "Newcastle: protest at Grey's Monument on Wednesday at 5:30pm."),
            Blog.Entry("2016-06-28 08:55", "Vigil in York tonight at 9pm."),
            Blog.Entry("2016-06-28 08:56", "Tonight's vigil in York has been called off."),
        ], Blog.London);
    }

    private Task<CommandResponse> Run(ICommand command, string args, GeoPoint? location = null, bool moderator = false)
    {
        var parsed = ArgumentParser.Parse(command.Definition, args);
        Assert.True(parsed.Succeeded, parsed.Error);
        return command.ExecuteAsync(
            new CommandContext
            {
                Inbound = new Inbound { Chat = Chat, User = new UserRef("test", "7"), Text = $"/{command.Definition.Name} {args}", Location = location },
                Arguments = parsed.Arguments!,
                IsModerator = moderator,
                Now = Now,
            },
            CancellationToken.None);
    }

    private EventsCommand Events() => new(index, Gazetteer.Directory, settings, zones, options);

    private static string Text(CommandResponse r) =>
        string.Join("\n", r.Messages.SelectMany(m => new[] { m.Title }.Concat(m.Body.Select(p => p.PlainText))).OfType<string>());

    [Fact]
    public async Task Events_near_a_place_lists_them_by_start_with_day_time_venue_distance_and_link()
    {
        var response = await Run(Events(), "Leeds");

        var text = Text(response);
        Assert.StartsWith("Events within 25 km of Leeds", text, StringComparison.Ordinal);
        var lines = text.Split('\n')[1..];
        Assert.True(lines.Length == 2, text);
        Assert.True(lines[0].StartsWith("Tue 28 Jun 18:00 — Demo · Millennium Square, Leeds (", StringComparison.Ordinal), lines[0]);
        Assert.Contains(" km)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Thu 30 Jun 18:30 — ", lines[1], StringComparison.Ordinal);
        Assert.Contains(response.Messages[0].Body[0].Runs, r => r is UpdateBot.Core.Messages.LinkRun);
    }

    [Fact]
    public async Task Events_with_no_place_and_no_home_lists_all_upcoming_but_not_cancelled_ones()
    {
        var text = Text(await Run(Events(), ""));

        Assert.StartsWith("Upcoming events", text, StringComparison.Ordinal);
        Assert.Contains("Grey's Monument", text, StringComparison.Ordinal);
        Assert.DoesNotContain("York", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_uses_the_chats_home_place()
    {
        await Run(new HomeCommand(Gazetteer.Directory, settings, zones, options), "Newcastle");

        var text = Text(await Run(Events(), ""));

        Assert.StartsWith("Events within 25 km of Newcastle upon Tyne", text, StringComparison.Ordinal);
        Assert.Contains("Wed 29 Jun 17:30", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leeds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_near_a_place_with_none_says_so()
    {
        Assert.Equal("None near Cardiff in the coming days.", Text(await Run(Events(), "Cardiff")));
    }

    [Fact]
    public async Task Events_takes_a_radius_after_the_place()
    {
        var text = Text(await Run(Events(), "Bradford 20"));

        Assert.StartsWith("Events within 20 km of Bradford", text, StringComparison.Ordinal);
        Assert.Contains("Millennium Square", text, StringComparison.Ordinal);
        Assert.Equal("None near Bradford in the coming days.", Text(await Run(Events(), "Bradford 5")));
    }

    [Fact]
    public async Task Events_for_an_unknown_place_is_a_clear_error()
    {
        var response = await Run(Events(), "Qwxzzyville");

        Assert.True(response.Messages[0].Private);
        Assert.Contains("don't know a place called", Text(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_location_is_answered_with_events_near_it_and_a_venue_pin_and_is_not_stored()
    {
        var nearGreysMonument = new GeoPoint(54.9746, -1.6132);

        var response = await Run(Events(), "", nearGreysMonument);

        var text = Text(response);
        Assert.StartsWith("Events within 25 km of you", text, StringComparison.Ordinal);
        Assert.Contains("Grey's Monument", text, StringComparison.Ordinal);
        Assert.NotNull(response.Messages[0].Venue);
        Assert.Null((await settings.GetAsync(Chat, CancellationToken.None)).HomePlace);
    }

    [Fact]
    public async Task Home_stores_a_place_name_and_rejects_unknown_places()
    {
        var home = new HomeCommand(Gazetteer.Directory, settings, zones, options);

        Assert.Contains("Newcastle upon Tyne", Text(await Run(home, "Newcastle")), StringComparison.Ordinal);
        Assert.Equal("Newcastle upon Tyne, GB", (await settings.GetAsync(Chat, CancellationToken.None)).HomePlace);
        Assert.True((await Run(home, "Qwxzzyville")).Messages[0].Private);
        Assert.Equal("Newcastle upon Tyne, GB", (await settings.GetAsync(Chat, CancellationToken.None)).HomePlace);
    }

    [Fact]
    public async Task Remind_on_and_off_is_kept_per_chat()
    {
        var remind = new RemindCommand(settings);

        Assert.Contains("no home place", Text(await Run(remind, "on")), StringComparison.Ordinal);
        Assert.Single(await settings.GetRemindedAsync(CancellationToken.None));
        await Run(remind, "off");
        Assert.Empty(await settings.GetRemindedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Moderators_add_edit_and_cancel_confirmed_events()
    {
        var command = new EventCommand(index, Gazetteer.Directory, zones, options);

        var added = Text(await Run(command, "add 2016-07-02 14:00 | Cardiff | Rally for the NHS | outside the castle", moderator: true));
        var id = added[(added.IndexOf("(id ", StringComparison.Ordinal) + 4)..^2];
        var e = index.Get(id)!;
        Assert.True(e.Confirmed);
        Assert.Equal(("rally", "Cardiff", "outside the castle"), (e.Kind, e.Place!.Name, e.Venue));
        Assert.Equal(new DateTimeOffset(2016, 7, 2, 14, 0, 0, TimeSpan.FromHours(1)), e.Start);
        Assert.Contains("Rally for the NHS", Text(await Run(Events(), "Cardiff")), StringComparison.Ordinal);

        await Run(command, $"edit {id} | 2016-07-02 15:00 | | | the Senedd steps", moderator: true);
        Assert.Equal((15, "the Senedd steps", EventStatus.Moved), (index.Get(id)!.Start.Hour, index.Get(id)!.Venue, index.Get(id)!.Status));

        await Run(command, $"cancel {id}", moderator: true);
        Assert.Equal(EventStatus.Cancelled, index.Get(id)!.Status);
        Assert.Equal("None near Cardiff in the coming days.", Text(await Run(Events(), "Cardiff")));
    }

    [Theory]
    [InlineData("add tomorrowish | Leeds | Rally")]
    [InlineData("add 2016-07-02 14:00 | Qwxzzyville | Rally")]
    [InlineData("add 2016-07-02 14:00")]
    [InlineData("edit nosuchid | 2016-07-02 15:00")]
    [InlineData("cancel nosuchid")]
    public async Task Bad_moderator_input_changes_nothing_and_says_why(string args)
    {
        var before = index.All.Count;
        var response = await Run(new EventCommand(index, Gazetteer.Directory, zones, options), args, moderator: true);

        Assert.True(response.Messages[0].Private);
        Assert.Equal(before, index.All.Count);
    }

    [Fact]
    public void Only_moderators_may_use_event_and_only_admins_home_and_remind()
    {
        Assert.Equal(CommandAudience.Moderators, new EventCommand(index, Gazetteer.Directory, zones, options).Definition.Audience);
        Assert.Equal(CommandAudience.ChatAdmins, new HomeCommand(Gazetteer.Directory, settings, zones, options).Definition.Audience);
        Assert.Equal(CommandAudience.ChatAdmins, new RemindCommand(settings).Definition.Audience);
    }

    [Fact]
    public async Task Place_autocomplete_suggests_gazetteer_names()
    {
        var suggestions = await Events().SuggestAsync("place", "Newc", CancellationToken.None);

        Assert.Equal("Newcastle upon Tyne, GB", suggestions[0]);
        Assert.True(suggestions.Count <= 25);
    }

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
