namespace UpdateBot.Tests;

/// <summary>Real time, moved to another moment: timers run as usual, but "now" is a day of the test's choosing.</summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset realStart = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + (System.GetUtcNow() - realStart);
}
