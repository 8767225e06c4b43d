using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Events;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Tests;

public sealed class ReminderPlannerTests
{
    private static readonly ChatAddress Leeds = new("test", "leeds");
    private static readonly ChatAddress Quiet = new("test", "quiet");

    [Fact]
    public async Task Reminds_an_hour_before_nearby_events_once_then_announces_a_move_and_a_cancellation()
    {
        var index = new EventIndex();
        index.Observe(Blog.Entry("2024-03-12 09:00", "Rally in Leeds tonight at 6pm in Millennium Square."), Blog.London);
        index.Observe(Blog.Entry("2024-03-12 09:05", "Vigil in Bristol tonight at 6pm."), Blog.London);
        var settings = new InMemoryChatSettingsStore();
        await settings.SaveAsync(Leeds, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, CancellationToken.None);
        await settings.SaveAsync(Quiet, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = false }, CancellationToken.None);
        var planner = Planner(index, settings, new InMemoryReminderLog());

        Assert.Empty(await planner.DueAsync(At(16, 50), CancellationToken.None));
        var due = Assert.Single(await planner.DueAsync(At(17, 5), CancellationToken.None));
        Assert.Equal(Leeds, due.Chat);
        Assert.StartsWith("In an hour: ", due.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.True(await planner.ConfirmAsync(due, CancellationToken.None));
        Assert.Empty(await planner.DueAsync(At(17, 6), CancellationToken.None));

        index.Observe(Blog.Entry("2024-03-12 17:10", "The Leeds rally has been moved to 7pm."), Blog.London);
        var moved = Assert.Single(await planner.DueAsync(At(17, 11), CancellationToken.None));
        Assert.StartsWith("Moved: ", moved.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.Contains("19:00", moved.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.True(await planner.ConfirmAsync(moved, CancellationToken.None));

        index.Observe(Blog.Entry("2024-03-12 17:20", "Tonight's Leeds rally has been called off."), Blog.London);
        var cancelled = Assert.Single(await planner.DueAsync(At(17, 21), CancellationToken.None));
        Assert.StartsWith("Cancelled: ", cancelled.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.True(await planner.ConfirmAsync(cancelled, CancellationToken.None));
        Assert.Empty(await planner.DueAsync(At(17, 22), CancellationToken.None));
        Assert.Empty(await planner.DueAsync(At(17, 50), CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_left_in_flight_is_planned_again_by_another_planner_only_after_the_claim_lifetime()
    {
        var index = new EventIndex();
        index.Observe(Blog.Entry("2024-03-12 09:00", "Rally in Leeds tonight at 6pm in Millennium Square."), Blog.London);
        var settings = new InMemoryChatSettingsStore();
        await settings.SaveAsync(Leeds, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, CancellationToken.None);
        var log = new InMemoryReminderLog();
        var dead = Planner(index, settings, log, "dead");
        var alive = Planner(index, settings, log, "alive");

        Assert.Single(await dead.DueAsync(At(17, 5), CancellationToken.None)); // claimed, never sent nor confirmed
        Assert.Empty(await alive.DueAsync(At(17, 6), CancellationToken.None));
        Assert.Empty(await alive.DueAsync(At(17, 10), CancellationToken.None)); // exactly the lifetime: still the holder's

        var again = Assert.Single(await alive.DueAsync(At(17, 11), CancellationToken.None));
        Assert.StartsWith("In 49 minutes: ", again.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.Equal("alive", again.Claim.Owner);
        Assert.True(await alive.ConfirmAsync(again, CancellationToken.None));
        Assert.Empty(await dead.DueAsync(At(17, 30), CancellationToken.None));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2024, 3, 12, hour, minute, 0, TimeSpan.Zero);

    private static ReminderPlanner Planner(EventIndex index, InMemoryChatSettingsStore settings, InMemoryReminderLog log, string owner = "test") =>
        new(index, Gazetteer.Directory, settings, log, new FeedTimeZones(new Monitor()), "GB", 25, owner, TimeSpan.FromMinutes(5));

    private sealed class Monitor : IOptionsMonitor<UpdateBotOptions>
    {
        public UpdateBotOptions CurrentValue { get; } = new();

        public UpdateBotOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<UpdateBotOptions, string?> listener) => null;
    }
}
