using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Events;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Events.Tests;

/// <summary>
/// The reminder service round by round on fake time, over one shared reminder log: several instances, a restart and
/// failing sends. (The same over the real SQLite and PostgreSQL stores: UpdateBot.Storage.Tests.)
/// </summary>
public sealed class ReminderServiceTests
{
    private static readonly ChatAddress Leeds = new("test", "leeds");

    private readonly EventIndex index = new();
    private readonly InMemoryChatSettingsStore settings = new();
    private readonly InMemoryReminderLog log = new();
    private readonly RecordingPlatform platform = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 3, 12, 16, 50, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_instances_over_one_log_send_the_reminder_the_move_and_the_cancellation_once_each()
    {
        await Setup();
        var first = Service();
        var second = Service();

        await RunUntil(17, 9, first, second);
        index.Observe(Blog.Entry("2024-03-12 17:10", "The Leeds rally has been moved to 7pm."), Blog.London);
        await RunUntil(17, 19, first, second);
        index.Observe(Blog.Entry("2024-03-12 17:20", "Tonight's Leeds rally has been called off."), Blog.London);
        await RunUntil(17, 40, first, second);

        Assert.Equal(["In an hour: ", "Moved: ", "Cancelled: "], platform.Delivered.Select(Prefix));
        Assert.Equal(3, platform.Sends.Count);
    }

    [Fact]
    public async Task A_restarted_service_does_not_remind_again_and_still_announces_a_later_move()
    {
        await Setup();
        await RunUntil(17, 5, Service());

        var restarted = Service();
        await RunUntil(17, 9, restarted);
        Assert.Equal(["In an hour: "], platform.Delivered.Select(Prefix));

        index.Observe(Blog.Entry("2024-03-12 17:10", "The Leeds rally has been moved to 7pm."), Blog.London);
        await RunUntil(17, 15, Service());
        Assert.Equal(["In an hour: ", "Moved: "], platform.Delivered.Select(Prefix));
        Assert.Contains("19:00", platform.Delivered[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_that_came_while_every_instance_was_down_is_announced_after_the_restart()
    {
        await Setup();
        await RunUntil(17, 5, Service());

        index.Observe(Blog.Entry("2024-03-12 17:20", "Tonight's Leeds rally has been called off."), Blog.London);
        time.SetUtcNow(new DateTimeOffset(2024, 3, 12, 17, 30, 0, TimeSpan.Zero));
        await RunUntil(17, 35, Service());

        Assert.Equal(["In an hour: ", "Cancelled: "], platform.Delivered.Select(Prefix));
    }

    [Fact]
    public async Task A_send_that_fails_in_passing_is_tried_again_at_the_next_tick_and_never_again_once_sent()
    {
        await Setup();
        platform.Script = n => n switch
        {
            0 => SendResult.Failed(SendOutcome.Transient, "HTTP 502"),
            1 => throw new HttpRequestException("connection reset"),
            2 => SendResult.Limited(TimeSpan.FromSeconds(3)),
            _ => null,
        };
        var service = Service();

        await RunUntil(17, 30, service);

        Assert.Equal(
            [SendOutcome.Transient, SendOutcome.Transient, SendOutcome.RateLimited, SendOutcome.Sent],
            platform.Sends.Select(s => s.Outcome));
        Assert.EndsWith(":soon", Assert.Single(platform.Sends.Select(s => s.Key).Distinct()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_the_platform_refuses_for_good_is_not_retried()
    {
        await Setup();
        platform.Script = _ => SendResult.Failed(SendOutcome.Forbidden, "bot was blocked by the user");

        await RunUntil(17, 30, Service());

        Assert.Equal(SendOutcome.Forbidden, Assert.Single(platform.Sends).Outcome);
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_every_instance_was_down_says_how_soon_the_event_is()
    {
        await Setup();
        time.SetUtcNow(new DateTimeOffset(2024, 3, 12, 17, 50, 0, TimeSpan.Zero));

        await Service().RunOnceAsync(CancellationToken.None);

        Assert.StartsWith("In 10 minutes: Rally", Assert.Single(platform.Delivered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_of_events_long_past_are_pruned()
    {
        await Setup();
        await RunUntil(17, 5, Service());
        Assert.NotEmpty(await log.ToldAsync(Leeds, time.GetUtcNow(), CancellationToken.None));

        time.Advance(ReminderPlanner.Retention + TimeSpan.FromHours(2));
        await Service().RunOnceAsync(CancellationToken.None);

        Assert.Empty(await log.ToldAsync(Leeds, time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task A_reminder_whose_service_was_killed_mid_send_is_sent_by_the_restarted_service_once_the_claim_lifetime_has_passed()
    {
        await Setup();
        platform.Dies = n => n == 0;
        time.SetUtcNow(At(17, 5));

        // The first process claims the reminder and is killed in the send: it never gives the claim back or confirms it.
        var killed = Service().RunOnceAsync(CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => platform.Died == 1 || killed.IsCompleted, TimeSpan.FromSeconds(30)));
        Assert.False(killed.IsCompleted);

        var restarted = Service();
        await RunUntil(17, 10, restarted); // within the claim lifetime (5 minutes) the claim is still the killed process's
        Assert.Empty(platform.Sends);

        await RunUntil(17, 40, restarted);
        Assert.StartsWith("In 49 minutes: Rally", Assert.Single(platform.Delivered), StringComparison.Ordinal);
        Assert.Single(platform.Sends);
    }

    [Fact]
    public async Task A_send_that_hangs_is_cut_off_before_its_claim_lapses_and_a_claim_too_old_to_send_is_given_back()
    {
        var york = new ChatAddress("test", "leeds-too");
        await Setup();
        await settings.SaveAsync(york, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, CancellationToken.None);
        platform.Stalls = n => n == 0;
        time.SetUtcNow(At(17, 5));
        var service = Service();

        // One round claims both chats' reminders; the first send hangs.
        var round = service.RunOnceAsync(CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => platform.Started == 1 || round.IsCompleted, TimeSpan.FromSeconds(30)));
        time.Advance(TimeSpan.FromMinutes(3.5)); // under three quarters of the 5-minute lifetime: still sending
        Assert.False(round.IsCompleted);

        // Past three quarters the send is cut off and its claim given back; the other claim, now older than half the
        // lifetime, is given back unsent rather than risk being sent while another instance takes it over.
        time.Advance(TimeSpan.FromMinutes(0.5));
        await round;
        Assert.Equal(SendOutcome.Transient, Assert.Single(platform.Sends).Outcome);

        await RunUntil(17, 30, service);
        Assert.Equal([SendOutcome.Transient, SendOutcome.Sent, SendOutcome.Sent], platform.Sends.Select(s => s.Outcome));
        Assert.Equal(2, platform.Sends.Where(s => s.Outcome == SendOutcome.Sent).Select(s => s.Chat).Distinct().Count());
        Assert.All(platform.Delivered, d => Assert.StartsWith("In 51 minutes: ", d, StringComparison.Ordinal));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2024, 3, 12, hour, minute, 0, TimeSpan.Zero);

    private static string Prefix(string text) => text[..(text.IndexOf(':', StringComparison.Ordinal) + 2)];

    private async Task Setup()
    {
        index.Observe(Blog.Entry("2024-03-12 09:00", "Rally in Leeds tonight at 6pm in Millennium Square."), Blog.London);
        await settings.SaveAsync(Leeds, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, CancellationToken.None);
    }

    /// <summary>Each minute up to hh:mm (UTC, which is London's time in March), every instance runs its round at once.</summary>
    private async Task RunUntil(int hour, int minute, params EventReminderService[] instances)
    {
        var end = new DateTimeOffset(2024, 3, 12, hour, minute, 0, TimeSpan.Zero);
        while (true)
        {
            await Task.WhenAll(instances.Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None))));
            if (time.GetUtcNow() >= end)
            {
                return;
            }

            time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private EventReminderService Service() => new(
        index,
        Gazetteer.Directory,
        settings,
        log,
        new FeedTimeZones(new Monitor()),
        [platform],
        time,
        Options.Create(new EventsOptions { Region = "GB" }),
        NullLogger<EventReminderService>.Instance);

    private sealed class Monitor : IOptionsMonitor<UpdateBotOptions>
    {
        public UpdateBotOptions CurrentValue { get; } = new();

        public UpdateBotOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<UpdateBotOptions, string?> listener) => null;
    }
}
