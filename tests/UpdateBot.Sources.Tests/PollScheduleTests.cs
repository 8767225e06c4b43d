using UpdateBot.Core.Sources;
using UpdateBot.Sources.Watching;

namespace UpdateBot.Sources.Tests;

public sealed class PollScheduleTests
{
    private static readonly SourceDefinition Source = new() { Name = "s", Url = "https://x.example/", PollInterval = TimeSpan.FromSeconds(60) };

    [Fact]
    public void Normal_pace_is_the_poll_interval() =>
        Assert.Equal(TimeSpan.FromSeconds(60), PollSchedule.AfterSuccess(Source, 0, null, null));

    [Fact]
    public void Quiet_stretches_grow_but_never_past_five_times_the_interval()
    {
        Assert.True(PollSchedule.AfterSuccess(Source, 6, null, null) > TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(300), PollSchedule.AfterSuccess(Source, 1000, null, null));
    }

    [Fact]
    public void Max_age_and_retry_after_are_honoured_up_to_the_maximum()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), PollSchedule.AfterSuccess(Source, 0, TimeSpan.FromSeconds(120), null));
        Assert.Equal(TimeSpan.FromSeconds(300), PollSchedule.AfterSuccess(Source, 0, TimeSpan.FromDays(1), null));
        Assert.Equal(TimeSpan.FromSeconds(300), PollSchedule.AfterFailure(Source, 1, TimeSpan.FromHours(2), 0.5));
        Assert.Equal(TimeSpan.FromSeconds(200), PollSchedule.AfterFailure(Source, 1, TimeSpan.FromSeconds(200), 0.5));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped()
    {
        var first = PollSchedule.AfterFailure(Source, 1, null, 0);
        var second = PollSchedule.AfterFailure(Source, 2, null, 0);
        Assert.Equal(TimeSpan.FromSeconds(48), first);
        Assert.Equal(TimeSpan.FromSeconds(96), second);
        Assert.NotEqual(PollSchedule.AfterFailure(Source, 2, null, 0), PollSchedule.AfterFailure(Source, 2, null, 1));
        Assert.Equal(TimeSpan.FromSeconds(300), PollSchedule.AfterFailure(Source, 30, null, 1));
    }

    [Fact]
    public void A_configured_maximum_is_respected()
    {
        var source = Source with { MaxPollInterval = TimeSpan.FromSeconds(90) };
        Assert.Equal(TimeSpan.FromSeconds(90), PollSchedule.AfterSuccess(source, 1000, null, null));
    }
}
