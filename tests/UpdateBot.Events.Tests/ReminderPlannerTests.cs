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
        var planner = new ReminderPlanner(index, Gazetteer.Directory, settings, new InMemoryReminderLog(), new FeedTimeZones(new Monitor()), "GB", 25);
        var at = (int h, int m) => new DateTimeOffset(2024, 3, 12, h, m, 0, TimeSpan.Zero);

        Assert.Empty(await planner.DueAsync(at(16, 50), CancellationToken.None));
        var due = Assert.Single(await planner.DueAsync(at(17, 5), CancellationToken.None));
        Assert.Equal(Leeds, due.Chat);
        Assert.StartsWith("In an hour: ", due.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(await planner.DueAsync(at(17, 6), CancellationToken.None));

        index.Observe(Blog.Entry("2024-03-12 17:10", "The Leeds rally has been moved to 7pm."), Blog.London);
        var moved = Assert.Single(await planner.DueAsync(at(17, 11), CancellationToken.None));
        Assert.StartsWith("Moved: ", moved.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.Contains("19:00", moved.Message.Body[0].PlainText, StringComparison.Ordinal);

        index.Observe(Blog.Entry("2024-03-12 17:20", "Tonight's Leeds rally has been called off."), Blog.London);
        var cancelled = Assert.Single(await planner.DueAsync(at(17, 21), CancellationToken.None));
        Assert.StartsWith("Cancelled: ", cancelled.Message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.Empty(await planner.DueAsync(at(17, 22), CancellationToken.None));
    }

    private sealed class Monitor : IOptionsMonitor<UpdateBotOptions>
    {
        public UpdateBotOptions CurrentValue { get; } = new();

        public UpdateBotOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<UpdateBotOptions, string?> listener) => null;
    }
}
