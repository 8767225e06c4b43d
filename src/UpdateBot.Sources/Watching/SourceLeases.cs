using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Sources.Watching;

/// <summary>
/// This process's side of the source leases (see <see cref="SourceLeaseOptions"/>): whether it may poll a source now,
/// renewing the lease each time it asks, and the one log line when it starts, stops or takes over polling a source.
/// Without a lease store, or with leases switched off, every source is always ours.
/// </summary>
internal sealed class SourceLeases
{
    private readonly ISourceLeaseStore? store;
    private readonly SourceLeaseOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Standing> standing = new(StringComparer.OrdinalIgnoreCase);

    public SourceLeases(ISourceLeaseStore? store, SourceLeaseOptions options, TimeProvider time, ILogger logger)
    {
        this.options = options;
        this.store = options.Enabled ? store : null;
        this.time = time;
        this.logger = logger;
        InstanceId = string.IsNullOrWhiteSpace(options.InstanceId) ? Environment.MachineName : options.InstanceId.Trim();
        Holder = $"{InstanceId}/{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    private enum Standing
    {
        Unknown,
        Holding,
        Waiting,
    }

    public string InstanceId { get; }

    /// <summary>This process's name in the lease table: the instance, then a per-process part.</summary>
    public string Holder { get; }

    public bool Active => store is not null;

    /// <summary>How long a lease lasts without renewal: how long a dead holder keeps the source from the others.</summary>
    public TimeSpan Duration(SourceDefinition source)
    {
        var duration = source.PollInterval * options.IntervalsPerLease;
        return duration > options.MinimumDuration ? duration : options.MinimumDuration;
    }

    /// <summary>The longest a holder waits between renewals, even while its polls are spaced out further.</summary>
    public TimeSpan RenewEvery(SourceDefinition source) => Duration(source) / options.IntervalsPerLease;

    public bool Holds(string sourceName) => store is null || standing.GetValueOrDefault(sourceName) == Standing.Holding;

    /// <summary>Frees what an earlier, killed process of this instance still holds, so a restart polls at once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return;
        }

        try
        {
            var freed = await store.ReleaseStaleSourceLeasesAsync(InstanceId + "/", Holder, cancellationToken);
            if (freed > 0)
            {
                SourceLeaseLog.TookBack(logger, freed, InstanceId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Not fatal: the old leases expire on their own.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SourceLeaseLog.TakeBackFailed(logger, e);
        }
    }

    /// <summary>Takes or renews the lease; true when this process polls the source now.</summary>
    public async Task<bool> TryHoldAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return true;
        }

        var held = await store.TryAcquireSourceLeaseAsync(source.Name, Holder, Duration(source), cancellationToken);
        var now = held ? Standing.Holding : Standing.Waiting;
        var before = standing.GetValueOrDefault(source.Name);
        standing[source.Name] = now;
        switch (before, now)
        {
            case (Standing.Unknown, Standing.Holding):
                SourceLeaseLog.Holding(logger, source.Name, Holder);
                break;
            case (Standing.Unknown, Standing.Waiting):
                SourceLeaseLog.StandingBy(logger, source.Name, Holder);
                break;
            case (Standing.Waiting, Standing.Holding):
                SourceLeaseLog.TookOver(logger, source.Name, Holder);
                break;
            case (Standing.Holding, Standing.Waiting):
                SourceLeaseLog.Lost(logger, source.Name, Holder);
                break;
        }

        return held;
    }

    /// <summary>Renews while waiting; a store error is logged and left to the next poll. False when the lease is lost.</summary>
    public async Task<bool> RenewAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        try
        {
            return await TryHoldAsync(source, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The store may be down for a moment; the next poll asks again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SourceLeaseLog.RenewFailed(logger, e, source.Name);
            return true;
        }
    }

    /// <summary>
    /// For a one-shot poll (--once): takes the lease only when no other live process holds it. Unlike a watcher's
    /// start, it never frees the leases of other processes of its instance: a one-shot run on the machine of a running
    /// bot has the same instance id, and that bot is alive. Logs nothing; a false answer is the caller's to report.
    /// </summary>
    public async Task<bool> TryHoldOnceAsync(SourceDefinition source, CancellationToken cancellationToken) =>
        store is null || await store.TryAcquireSourceLeaseAsync(source.Name, Holder, Duration(source), cancellationToken);

    /// <summary>Gives back the lease of a one-shot poll at once, so a running instance need not wait for it to expire.</summary>
    public Task ReleaseOnceAsync(SourceDefinition source) => store is null ? Task.CompletedTask : GiveBackAsync(store, source);

    /// <summary>Gives the lease up on a clean stop, so another instance takes the source over at its next check.</summary>
    public async Task ReleaseAsync(SourceDefinition source)
    {
        if (store is null || !standing.TryRemove(source.Name, out var was) || was != Standing.Holding)
        {
            return;
        }

        await GiveBackAsync(store, source);
    }

    private async Task GiveBackAsync(ISourceLeaseStore leaseStore, SourceDefinition source)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            await leaseStore.ReleaseSourceLeaseAsync(source.Name, Holder, timeout.Token);
        }
#pragma warning disable CA1031 // Shutting down: the lease then simply expires.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SourceLeaseLog.ReleaseFailed(logger, e, source.Name, Duration(source));
        }
    }
}
