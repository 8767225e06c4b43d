using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Timeline;

namespace UpdateBot.Sources.Watching;

/// <summary>
/// Polls every configured source on its own loop, so a slow or failing source never delays the others. Each poll
/// reads the source (conditional GET, body hash), ingests a changed snapshot into the timeline and records the
/// source's health; the delay to the next poll adapts (see <see cref="PollSchedule"/>).
/// </summary>
public sealed class SourceWatcher(
    ISourceReader reader,
    TimelineIngestor ingestor,
    ISourceStateStore states,
    IOptions<UpdateBotOptions> options,
    TimeProvider timeProvider,
    ILogger<SourceWatcher> logger,
    IWebSubSubscriptions? webSub = null,
    UpdateBotMetrics? metrics = null,
    ISourceLeaseStore? leaseStore = null,
    IOptions<SourceLeaseOptions>? leaseOptions = null) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (SourceState? State, DateTimeOffset At)> known = new(StringComparer.OrdinalIgnoreCase);
    private readonly SourceLeases leases = new(leaseStore, leaseOptions?.Value ?? new SourceLeaseOptions(), timeProvider, logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sources = SourceDefinitions.From(options.Value);
        if (sources.Count == 0)
        {
            SourcesLog.NoSources(logger);
            return;
        }

        SourcesLog.Watching(logger, sources.Count);
        if (leases.Active)
        {
            // Let the host finish starting before the first database call.
            await Task.Yield();
            await leases.StartAsync(stoppingToken);
        }

        await Task.WhenAll(sources.Select(source => WatchAsync(source, stoppingToken)));
    }

    private async Task WatchAsync(SourceDefinition source, CancellationToken stoppingToken)
    {
        try
        {
            await WatchLoopAsync(source, stoppingToken);
        }
        finally
        {
            await leases.ReleaseAsync(source);
        }
    }

    private async Task WatchLoopAsync(SourceDefinition source, CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first fetch.
        await Task.Yield();
        var quiet = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                // Several instances on one database: only the lease holder polls; the others look again an interval later.
                if (await leases.TryHoldAsync(source, stoppingToken))
                {
                    (delay, quiet) = await PollOnceAsync(source, quiet, stoppingToken);
                }
                else
                {
                    known.TryRemove(source.Name, out _);
                    (delay, quiet) = (source.PollInterval, 0);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One bad poll (a store error, a parser bug) must never stop the watcher.
            catch (Exception e)
#pragma warning restore CA1031
            {
                known.TryRemove(source.Name, out _);
                delay = PollSchedule.AfterFailure(source, 3, null, Random.Shared.NextDouble());
                SourcesLog.PollCrashed(logger, e, source.Name, delay);
                await RecordFailureAsync(source, e.GetType().Name + ": " + e.Message, stoppingToken);
            }

            try
            {
                await WaitAsync(source, delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for the next poll; a lease holder renews its lease on the way when the wait is long.</summary>
    private async Task WaitAsync(SourceDefinition source, TimeSpan delay, CancellationToken stoppingToken)
    {
        if (leases.Active && leases.Holds(source.Name))
        {
            var renewEvery = leases.RenewEvery(source);
            while (delay > renewEvery)
            {
                await Task.Delay(renewEvery, timeProvider, stoppingToken);
                delay -= renewEvery;
                if (!await leases.RenewAsync(source, stoppingToken))
                {
                    return;
                }
            }
        }

        await Task.Delay(delay, timeProvider, stoppingToken);
    }

    /// <summary>
    /// Polls every configured source once, one after another: the one-shot run (--once) and scripts. With several
    /// instances on one database a source whose lease another live process holds is skipped (and logged): that process
    /// polls it. A source this run reads is leased for the read and given back right after. Returns the skipped sources.
    /// </summary>
    public async Task<IReadOnlyList<string>> PollAllOnceAsync(CancellationToken cancellationToken)
    {
        var skipped = new List<string>();
        foreach (var source in SourceDefinitions.From(options.Value))
        {
            try
            {
                if (!await leases.TryHoldOnceAsync(source, cancellationToken))
                {
                    SourceLeaseLog.SkippedOnce(logger, source.Name);
                    skipped.Add(source.Name);
                    continue;
                }

                try
                {
                    await PollOnceAsync(source, 0, cancellationToken);
                }
                finally
                {
                    await leases.ReleaseOnceAsync(source);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // As in the loop: one source's crash is recorded and the others are still read.
            catch (Exception e)
#pragma warning restore CA1031
            {
                SourcesLog.PollCrashed(logger, e, source.Name, TimeSpan.Zero);
                await RecordFailureAsync(source, e.GetType().Name + ": " + e.Message, cancellationToken);
            }
        }

        return skipped;
    }

    /// <summary>Polls a source once and returns the delay before the next poll and the new count of quiet polls.</summary>
    internal async Task<(TimeSpan Delay, int Quiet)> PollOnceAsync(SourceDefinition source, int quiet, CancellationToken ct)
    {
        var state = await StateAsync(source.Name, ct);
        var now = timeProvider.GetUtcNow();
        var result = await reader.ReadAsync(source, state, ct);
        metrics?.PollCompleted(source.Name, timeProvider.GetUtcNow() - now, result is not SourceReadResult.Failed);
        var baseState = (state ?? new SourceState { SourceName = source.Name }) with { LastAttempt = now };
        switch (result)
        {
            case SourceReadResult.Unchanged unchanged:
            {
                var next = baseState with
                {
                    ETag = unchanged.ETag ?? baseState.ETag,
                    LastModified = unchanged.LastModified ?? baseState.LastModified,
                    LastSuccess = now,
                    ConsecutiveFailures = 0,
                };
                if (SourceStateWrites.IsWorthSaving(state, next, now))
                {
                    await SaveStateAsync(source.Name, next, ct);
                }

                var delay = PollSchedule.AfterSuccess(source, quiet + 1, result.MaxAge, result.RetryAfter);
                SourcesLog.Unchanged(logger, source.Name, delay);
                return (delay, quiet + 1);
            }

            case SourceReadResult.Snapshot snapshot:
            {
                var firstSight = state is not { Initialized: true };
                var ingest = await ingestor.IngestAsync(source, snapshot.Feed, firstSight, ct);

                // A feed that names a WebSub hub is subscribed to, so its entries are pushed; polling stays the fallback.
                webSub?.Observe(source.Name, snapshot.Feed.SelfUrl ?? source.Url, snapshot.Feed.HubUrl);
                if (ingest.Added > 0)
                {
                    metrics?.EntriesSeen(source.Name, ingest.Added);
                }
                if (ingest.Suspect)
                {
                    var failures = baseState.ConsecutiveFailures + 1;
                    var retry = PollSchedule.AfterFailure(source, failures, result.RetryAfter, Random.Shared.NextDouble());
                    await SaveStateAsync(source.Name, baseState with
                    {
                        ConsecutiveFailures = failures,
                        LastError = "suspect read: the page suddenly has no entries",
                        LastErrorAt = now,
                    }, ct);
                    SourcesLog.SuspectRead(logger, source.Name, retry);
                    return (retry, 0);
                }

                await SaveStateAsync(source.Name, baseState with
                {
                    ETag = snapshot.ETag,
                    LastModified = snapshot.LastModified,
                    BodyHash = snapshot.BodyHash,
                    Initialized = true,
                    LastSuccess = now,
                    LastChange = ingest.Changed ? now : baseState.LastChange,
                    ConsecutiveFailures = 0,
                    EntriesSeen = snapshot.Feed.Entries.Count,
                    Title = snapshot.Feed.Title ?? baseState.Title,
                    Kind = snapshot.Feed.Kind,
                }, ct);
                var newQuiet = ingest.Changed ? 0 : quiet + 1;
                return (PollSchedule.AfterSuccess(source, newQuiet, result.MaxAge, result.RetryAfter), newQuiet);
            }

            case SourceReadResult.Failed failed:
            {
                var failures = baseState.ConsecutiveFailures + 1;
                var delay = PollSchedule.AfterFailure(source, failures, result.RetryAfter, Random.Shared.NextDouble());
                await SaveStateAsync(source.Name, baseState with { ConsecutiveFailures = failures, LastError = failed.Error, LastErrorAt = now }, ct);
                SourcesLog.ReadFailed(logger, source.Name, Display(source.Url), failed.Error, delay);
                return (delay, 0);
            }

            default:
                throw new InvalidOperationException("Unknown read result.");
        }
    }

    /// <summary>
    /// The source's stored state. The last one this watcher read or wrote is reused for up to a minute while it keeps
    /// the source's lease, so an unchanged poll costs no store read; a lost lease or a failure drops it.
    /// </summary>
    private async Task<SourceState?> StateAsync(string sourceName, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        if (known.TryGetValue(sourceName, out var cached) && now >= cached.At && now - cached.At < SourceStateWrites.HealthRefresh)
        {
            return cached.State;
        }

        var state = await states.GetAsync(sourceName, ct);
        known[sourceName] = (state, now);
        return state;
    }

    private async Task SaveStateAsync(string sourceName, SourceState state, CancellationToken ct)
    {
        known.TryRemove(sourceName, out _);
        await states.SaveAsync(state, ct);
        known[sourceName] = (state, timeProvider.GetUtcNow());
    }

    private async Task RecordFailureAsync(SourceDefinition source, string error, CancellationToken ct)
    {
        known.TryRemove(source.Name, out _);
        try
        {
            var state = await states.GetAsync(source.Name, ct) ?? new SourceState { SourceName = source.Name };
            var now = timeProvider.GetUtcNow();
            await states.SaveAsync(state with { ConsecutiveFailures = state.ConsecutiveFailures + 1, LastError = error, LastErrorAt = now, LastAttempt = now }, ct);
        }
#pragma warning disable CA1031 // The store itself may be what failed; the next poll tries again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>The URL without query string or user info, which may hold secrets.</summary>
    private static string Display(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Path)
            : url;
}
