using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.ConsoleChat;
using UpdateBot.Core.Delivery;
using UpdateBot.Events.Hosting;
using UpdateBot.Sources.Watching;

namespace UpdateBot.Hosting;

/// <summary>
/// The one-shot run (--once): read every source once, deliver what that produced, answer the commands on standard
/// input, deliver what they produced, and stop the host. Scripts and tests drive the bot this way.
/// </summary>
internal sealed partial class OnceRunner(
    SourceWatcher watcher,
    IDeliveryQueue queue,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<OnceRunner> logger) : BackgroundService
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken);
            var skipped = await watcher.PollAllOnceAsync(stoppingToken);
            if (skipped.Count > 0)
            {
                Log.SourcesSkipped(logger, skipped.Count, string.Join(", ", skipped));
            }

            await DrainAsync(stoppingToken);
            await IndexEventsAsync(stoppingToken);
            if (services.GetService<ConsoleChatService>() is { } console)
            {
                console.Release();
                await console.InputDone.WaitAsync(stoppingToken);
                await DrainAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A one-shot run reports its failure and still stops the host with an error code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.Failed(logger, exception);
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
    }

    private Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            return started.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Reads what was just ingested into the event index, so /events answers from this run's entries.</summary>
    private async Task IndexEventsAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<EventCatalogRefresher>() is { } refresher)
        {
            await refresher.RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the delivery engine has worked off every pending job (or a time limit passed).</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + DrainLimit;
        while (true)
        {
            var counts = await queue.CountAsync(platform: null, cancellationToken);
            if (counts.Pending == 0)
            {
                return;
            }

            if (time.GetUtcNow() > deadline)
            {
                Log.DrainTimedOut(logger, counts.Pending);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "The one-shot run failed")]
        public static partial void Failed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Stopping with {Pending} deliveries still pending; they stay queued for the next run")]
        public static partial void DrainTimedOut(ILogger logger, long pending);

        [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "This one-shot run did not read {Count} source(s) that another running instance polls: {Sources}")]
        public static partial void SourcesSkipped(ILogger logger, int count, string sources);
    }
}
