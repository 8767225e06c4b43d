namespace UpdateBot.Core.Delivery;

/// <summary>A send let through by a <see cref="PlatformScheduler"/>; dispose it once the platform answered.</summary>
public sealed class SendPermit : IDisposable
{
    private readonly PlatformScheduler scheduler;
    private int disposed;

    internal SendPermit(PlatformScheduler scheduler) => this.scheduler = scheduler;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            scheduler.Answered();
        }
    }
}
