using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using UpdateBot.Discord.Gateway;

namespace UpdateBot.Discord.Interactions;

/// <summary>
/// Between the gateway's receive loops and the responders: a bounded channel, duplicates (a resume may replay an
/// interaction) dropped by id, and at most <see cref="Concurrency"/> interactions answered at once.
/// </summary>
internal sealed partial class InteractionQueue(InteractionResponder responder, TimeProvider time, ILogger<InteractionQueue> logger)
    : IGatewayDispatchHandler
{
    public const int Concurrency = 32;

    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(15);

    private readonly Channel<JsonElement> pending = Channel.CreateBounded<JsonElement>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    public void OnDispatch(string type, JsonElement data, int shardId)
    {
        if (type != "INTERACTION_CREATE")
        {
            return;
        }

        var id = InteractionReader.Text(data, "id");
        if (id is null || !seen.TryAdd(id, time.GetUtcNow()))
        {
            return;
        }

        if (!pending.Writer.TryWrite(data))
        {
            Log.Dropped(logger);
        }
    }

    /// <summary>Answers queued interactions until cancelled; waits for those under way before returning.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(Concurrency, Concurrency);
        var running = new ConcurrentDictionary<Task, bool>();
        try
        {
            await foreach (var interaction in pending.Reader.ReadAllAsync(cancellationToken))
            {
                await slots.WaitAsync(cancellationToken);
                Prune();
                var task = AnswerAsync(interaction, slots, cancellationToken);
                running[task] = true;
                _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        finally
        {
            await Task.WhenAll(running.Keys).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task AnswerAsync(JsonElement interaction, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await responder.RespondAsync(interaction, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // One interaction must not stop the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.Failed(logger, exception);
        }
        finally
        {
            slots.Release();
        }
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - RememberFor;
        foreach (var (id, at) in seen)
        {
            if (at < cutoff)
            {
                seen.TryRemove(id, out _);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 730, Level = LogLevel.Warning, Message = "Too many Discord interactions waiting; one was dropped")]
        public static partial void Dropped(ILogger logger);

        [LoggerMessage(EventId = 731, Level = LogLevel.Error, Message = "A Discord interaction could not be answered")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
