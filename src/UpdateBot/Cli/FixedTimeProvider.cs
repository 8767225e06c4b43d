namespace UpdateBot.Cli;

/// <summary>The clock of a one-shot verb run with --now: always that instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
