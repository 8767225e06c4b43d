using Microsoft.Extensions.Time.Testing;

namespace UpdateBot.Storage.Tests.Sources;

/// <summary>
/// A fake clock that also knows how many long waits (a watcher between two polls) are pending, so a test moves time
/// on only once every running watcher has finished its round and parked: nothing depends on how fast the machine is.
/// </summary>
internal sealed class ParkingClock(FakeTimeProvider inner, TimeSpan longWait) : TimeProvider
{
    private int parked;

    public int Parked => Volatile.Read(ref parked);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < longWait || dueTime == Timeout.InfiniteTimeSpan)
        {
            return inner.CreateTimer(callback, state, dueTime, period);
        }

        var wait = new Wait(this);
        Interlocked.Increment(ref parked);
        wait.Timer = inner.CreateTimer(
            s =>
            {
                wait.End();
                callback(s);
            },
            state,
            dueTime,
            period);
        return wait;
    }

    public void Advance(TimeSpan by) => inner.Advance(by);

    /// <summary>Waits (real time, generous guard) until exactly <paramref name="count"/> watchers are parked.</summary>
    public async Task WaitParkedAsync(int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Parked != count)
        {
            try
            {
                await Task.Delay(5, guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"expected {count} parked watcher(s), found {Parked}");
            }
        }
    }

    private sealed class Wait(ParkingClock clock) : ITimer
    {
        private int ended;

        public ITimer Timer { get; set; } = null!;

        public void End()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                Interlocked.Decrement(ref clock.parked);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Timer.Change(dueTime, period);

        public void Dispose()
        {
            End();
            Timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            End();
            return Timer.DisposeAsync();
        }
    }
}
