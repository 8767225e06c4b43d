using Microsoft.Extensions.Logging;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Delivery;

/// <summary>
/// Works through one platform's outbox: claims the head job of up to BatchSize chats (one each, oldest first, breaking
/// ahead), prepares each (reads, filters, composes) while the previous send is in flight, waits for the platform's rate
/// gates, sends, edits or deletes, and records the outcome. A job is only marked done after the platform confirmed it,
/// and the next send starts only once that is recorded, so a crash can repeat at most the sends in flight (Concurrency,
/// default 1; Discord's nonce makes its repeats harmless). Jobs settled without a platform call use no rate permit.
/// </summary>
public sealed class PlatformDeliverer
{
    private readonly IChatPlatform platform;
    private readonly IDeliveryQueue queue;
    private readonly IEntryStore entries;
    private readonly ISubscriptionStore subscriptions;
    private readonly FeedTimeZones zones;
    private readonly DeliveryOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly UpdateBotMetrics? metrics;
    private readonly Dictionary<(string Source, string Id), (string Hash, Entry Entry)> entryCache = [];
    private readonly Lock cacheGate = new();
    private readonly SubscriptionMatcher matcher;

    public PlatformDeliverer(
        IChatPlatform platform,
        IDeliveryQueue queue,
        IEntryStore entries,
        ISubscriptionStore subscriptions,
        FeedTimeZones zones,
        DeliveryOptions options,
        TimeProvider time,
        ILogger logger,
        UpdateBotMetrics? metrics = null,
        SubscriptionMatcher? matcher = null)
    {
        this.metrics = metrics;
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(options);
        this.platform = platform;
        this.queue = queue;
        this.entries = entries;
        this.subscriptions = subscriptions;
        this.zones = zones;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.matcher = matcher ?? new SubscriptionMatcher();
        Owner = $"{(string.IsNullOrWhiteSpace(options.InstanceId) ? Environment.MachineName : options.InstanceId)}/{platform.Name}";
        Scheduler = new PlatformScheduler(platform.Limits, options.RateSafetyFactor, time);
    }

    /// <summary>The name this deliverer's claims carry.</summary>
    public string Owner { get; }

    public PlatformScheduler Scheduler { get; }

    public DeliveryStatistics Statistics { get; } = new();

    public string Platform => platform.Name;

    /// <summary>Runs until cancelled; each round's failure is logged and backed off, never fatal.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var released = await queue.ReleaseOwnerAsync(Owner, cancellationToken);
        DeliveryLog.Started(logger, platform.Name, Owner, released);
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var worked = await RunRoundAsync(cancellationToken);
                    failures = 0;
                    if (!worked)
                    {
                        await IdleAsync(cancellationToken);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // A delivery round must never end the worker: log, back off, go on.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failures++;
                    var delay = Backoff(failures - 1);
                    DeliveryLog.RoundFailed(logger, exception, platform.Name, delay);
                    await Task.Delay(delay, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            // A clean stop hands unsent claims back at once instead of letting them wait for their lease to expire.
            await queue.ReleaseOwnerAsync(Owner, CancellationToken.None);
        }
    }

    /// <summary>One claim-and-send round; false when nothing was sent (the caller idles).</summary>
    public async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        var claimedAt = time.GetUtcNow();
        var jobs = await queue.ClaimAsync(platform.Name, Owner, options.BatchSize, options.LeaseDuration, cancellationToken);
        if (jobs.Count == 0)
        {
            return false;
        }

        var sentAny = false;
        var inFlight = new List<Task>();
        var concurrency = options.ConcurrencyFor(platform.Name);
        using var throttle = new SemaphoreSlim(concurrency, concurrency);
        try
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                var job = jobs[i];
                var now = time.GetUtcNow();
                if (now - claimedAt > options.LeaseDuration / 2)
                {
                    // Do not send on a claim that may lapse while we wait: hand the rest back and claim afresh.
                    foreach (var rest in jobs.Skip(i))
                    {
                        await queue.RetryAsync(rest.Id, Owner, now, null, cancellationToken);
                    }

                    break;
                }

                var wait = Scheduler.DestinationWait(job.Chat);
                if (wait > TimeSpan.Zero)
                {
                    // This chat must wait; the others in the round go on (fairness: no chat holds the worker).
                    await queue.RetryAsync(job.Id, Owner, now + wait, null, cancellationToken);
                    continue;
                }

                // Everything but the platform call is done here, while the previous send is still in flight: between
                // two sends there is only the recording of the first.
                if (await PrepareAsync(job, cancellationToken) is not { } send)
                {
                    continue;
                }

                await throttle.WaitAsync(cancellationToken);
                SendPermit permit;
                try
                {
                    permit = await Scheduler.AcquireAsync(job.Chat, cancellationToken);
                }
                catch
                {
                    throttle.Release();
                    throw;
                }

                sentAny = true;
                inFlight.Add(RunJobAsync(send, permit, throttle, cancellationToken));
            }
        }
        finally
        {
            await Task.WhenAll(inFlight);
        }

        return sentAny;
    }

    private static async Task RunJobAsync(Func<Task> send, SendPermit permit, SemaphoreSlim throttle, CancellationToken cancellationToken)
    {
        try
        {
            await send();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The claim stays ours; it is handed back when the worker stops, or taken back when it restarts.
        }
        finally
        {
            permit.Dispose();
            throttle.Release();
        }
    }

    /// <summary>
    /// Reads and decides what <paramref name="job"/> needs: the platform call to make (with the recording of its
    /// outcome), or null when the job was settled without one (filtered out, already shown, nothing to delete).
    /// </summary>
    private async Task<Func<Task>?> PrepareAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        if (job.Backlog > options.DigestThreshold && !job.Breaking && job.Change != ChangeKind.Removed)
        {
            return () => DigestAsync(job, cancellationToken);
        }

        if (job.Change == ChangeKind.Removed)
        {
            var shown = await queue.GetDeliveredAsync(job.Chat, job.SourceName, job.EntryId, cancellationToken);
            if (shown is null)
            {
                await queue.CompleteAsync(job, Owner, null, cancellationToken);
                return null;
            }

            return async () =>
            {
                var deleted = await CallAsync(() => platform.DeleteAsync(job.Chat, shown.MessageIds, cancellationToken));
                await HandleAsync(job, deleted, null, cancellationToken);
            };
        }

        if (await LoadAsync(job.SourceName, job.EntryId, job.ContentHash, cancellationToken) is not var (hash, entry))
        {
            await FailAsync(job, "the entry is no longer in the store", cancellationToken);
            return null;
        }

        job = job with { ContentHash = hash };
        var zone = zones.For(entry.SourceName);
        if (job.Change == ChangeKind.Updated)
        {
            var shown = await queue.GetDeliveredAsync(job.Chat, job.SourceName, job.EntryId, cancellationToken);
            if (shown is not null && shown.ContentHash == hash)
            {
                await queue.CompleteAsync(job, Owner, null, cancellationToken);
                return null;
            }

            if (shown is not null)
            {
                var message = EntryComposer.Compose(entry, zone, ChangeKind.Updated);
                return async () =>
                {
                    var edited = await CallAsync(() => platform.EditAsync(job.Chat, shown.MessageIds, message, cancellationToken));
                    await HandleAsync(job, edited, edited.MessageIds.Count > 0 ? edited.MessageIds : shown.MessageIds, cancellationToken);
                };
            }
        }

        if (!job.Breaking && !await matcher.WantsAsync(subscriptions, job.Chat, entry, cancellationToken))
        {
            // The chat's filters (keywords, --near) leave this entry out.
            await queue.CompleteAsync(job, Owner, null, cancellationToken);
            return null;
        }

        var composed = EntryComposer.Compose(entry, zone, job.Change);
        return async () =>
        {
            var sent = await CallAsync(() => platform.SendAsync(job.Chat, composed, job.IdempotencyKey, cancellationToken));
            await HandleAsync(job, sent, sent.MessageIds, cancellationToken);
        };
    }

    private async Task DigestAsync(DeliveryJob head, CancellationToken cancellationToken)
    {
        var backlog = await queue.ClaimBacklogAsync(head.Chat, Owner, options.LeaseDuration, cancellationToken);
        var covered = backlog.Where(j => !j.Breaking && j.Change != ChangeKind.Removed).ToList();
        var now = time.GetUtcNow();
        foreach (var other in backlog.Except(covered))
        {
            await queue.RetryAsync(other.Id, Owner, now, null, cancellationToken);
        }

        var shown = new List<Entry>();
        var seen = new HashSet<(string, string)>();
        foreach (var job in covered)
        {
            if (seen.Add((job.SourceName.ToUpperInvariant(), job.EntryId)) && await LoadAsync(job.SourceName, job.EntryId, job.ContentHash, cancellationToken) is { } loaded)
            {
                shown.Add(loaded.Entry);
            }
        }

        if (shown.Count == 0)
        {
            await queue.CompleteBatchAsync(covered, Owner, cancellationToken);
            return;
        }

        var message = DigestComposer.Compose(shown, zones.For);
        var result = await CallAsync(() => platform.SendAsync(head.Chat, message, $"ubd{head.Id}", cancellationToken));
        if (result.Outcome == SendOutcome.Sent)
        {
            await queue.CompleteBatchAsync(covered, Owner, cancellationToken);
            Statistics.CountDigest();
            metrics?.DeliverySent(platform.Name);
            DeliveryLog.Digest(logger, head.Chat, head.Backlog, shown.Count);
            return;
        }

        // The head carries the outcome (wait, backoff, pause); the others wait behind it in order.
        foreach (var other in covered.Where(j => j.Id != head.Id))
        {
            await queue.RetryAsync(other.Id, Owner, now, null, cancellationToken);
        }

        await HandleAsync(head, result, null, cancellationToken);
    }

    private async Task HandleAsync(DeliveryJob job, SendResult result, IReadOnlyList<string>? messageIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await queue.CompleteAsync(job, Owner, messageIds, cancellationToken);
                CountDone(job.Change);
                break;

            case SendOutcome.RateLimited:
                var retryAfter = result.RetryAfter is { } after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
                if (result.GlobalLimit)
                {
                    Scheduler.PauseGlobal(retryAfter);
                }
                else
                {
                    Scheduler.PauseDestination(job.Chat, retryAfter);
                }

                Statistics.CountRateLimited();
                metrics?.RateLimited(platform.Name);
                DeliveryLog.RateLimited(logger, platform.Name, retryAfter, result.GlobalLimit, job.Chat);
                await queue.RetryAsync(job.Id, Owner, now + retryAfter, null, cancellationToken);
                break;

            case SendOutcome.Transient:
                Statistics.CountTransient();
                var reason = result.Error ?? "passing fault";
                if (job.Attempts + 1 >= options.MaxAttempts)
                {
                    await FailAsync(job, $"{reason} ({job.Attempts + 1} attempts)", cancellationToken);
                    break;
                }

                var notBefore = now + Backoff(job.Attempts);
                DeliveryLog.Retrying(logger, job.Id, job.Chat, notBefore, reason);
                await queue.RetryAsync(job.Id, Owner, notBefore, reason, cancellationToken);
                break;

            case SendOutcome.Forbidden:
                Statistics.CountForbidden();
                var refusal = result.Error ?? "the platform refused the bot";
                await subscriptions.SetPausedAsync(job.Chat, refusal, cancellationToken);
                DeliveryLog.Paused(logger, job.Chat, refusal);
                break;

            case SendOutcome.Moved when result.MovedTo is { } target && target != job.Chat:
                Statistics.CountMoved();
                await subscriptions.MoveChatAsync(job.Chat, target, cancellationToken);
                DeliveryLog.Moved(logger, job.Chat, target);
                await queue.RetryAsync(job.Id, Owner, now, null, cancellationToken);
                break;

            case SendOutcome.Rejected when job.Change == ChangeKind.Removed:
                // The message to delete is already gone: the removal is done.
                await queue.CompleteAsync(job, Owner, null, cancellationToken);
                break;

            default:
                await FailAsync(job, result.Error ?? $"the platform answered {result.Outcome}", cancellationToken);
                break;
        }
    }

    private async Task FailAsync(DeliveryJob job, string reason, CancellationToken cancellationToken)
    {
        Statistics.CountFailed();
        metrics?.DeliveryFailed(platform.Name);
        DeliveryLog.Failed(logger, job.Id, job.SourceName, job.EntryId, job.Chat, reason);
        await queue.FailAsync(job.Id, Owner, reason, cancellationToken);
    }

    private void CountDone(ChangeKind change)
    {
        metrics?.DeliverySent(platform.Name);
        switch (change)
        {
            case ChangeKind.Updated: Statistics.CountEdited(); break;
            case ChangeKind.Removed: Statistics.CountDeleted(); break;
            default: Statistics.CountSent(); break;
        }
    }

    private async Task<SendResult> CallAsync(Func<Task<SendResult>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException exception)
        {
            DeliveryLog.PlatformThrew(logger, exception, platform.Name);
            return SendResult.Failed(SendOutcome.Transient, "connection failed");
        }
        catch (TimeoutException exception)
        {
            DeliveryLog.PlatformThrew(logger, exception, platform.Name);
            return SendResult.Failed(SendOutcome.Transient, "timed out");
        }
        catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException)
        {
            DeliveryLog.PlatformThrew(logger, exception, platform.Name);
            return SendResult.Failed(SendOutcome.Transient, "timed out");
        }
    }

    /// <summary>The entry as stored now; a fan-out to many chats reads it once (keyed by its content hash).</summary>
    private async Task<(string Hash, Entry Entry)?> LoadAsync(string source, string id, string expectedHash, CancellationToken cancellationToken)
    {
        lock (cacheGate)
        {
            if (entryCache.TryGetValue((source, id), out var cached) && cached.Hash == expectedHash)
            {
                return cached;
            }
        }

        if (await entries.FindAsync(source, id, cancellationToken) is not { } entry)
        {
            return null;
        }

        var loaded = (entry.ContentHash, entry);
        lock (cacheGate)
        {
            if (entryCache.Count >= 256)
            {
                entryCache.Clear();
            }

            entryCache[(source, id)] = loaded;
        }

        return loaded;
    }

    private async Task IdleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = await queue.NextDueAsync(platform.Name, cancellationToken);
        var wait = next is { } due && due - now < options.IdlePollInterval ? due - now : options.IdlePollInterval;
        await Task.Delay(wait < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : wait, time, cancellationToken);
    }

    private TimeSpan Backoff(int failuresBefore)
    {
        var factor = Math.Pow(2, Math.Min(failuresBefore, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.InitialBackoff.Ticks * factor, options.MaxBackoff.Ticks));
        return delay;
    }
}
