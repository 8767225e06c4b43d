using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace UpdateBot.Telegram.Receiving;

/// <summary>
/// Long polling. The offset sent to Telegram moves past an update only after that update was handled, so a crash
/// redelivers rather than loses it. Updates of one batch are handled chat by chat in order, chats in parallel.
/// Failures back off with jitter. Only one receiver per token polls in a process (Telegram allows one getUpdates).
/// </summary>
internal sealed class TelegramPollingReceiver(
    ITelegramBotClient bot,
    TelegramUpdateRouter router,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    TokenScrubber scrubber,
    TelegramConnectionStatus status,
    ILogger<TelegramPollingReceiver> logger) : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.ChannelPost, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private static readonly ConcurrentDictionary<string, byte> ActivePollers = new(StringComparer.Ordinal);

    private const int BatchLimit = 100;
    private const int ParallelChats = 8;
    private static readonly TimeSpan QuickAnswer = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await identity.WaitAsync(stoppingToken);
        var pollerKey = PollerKey(options.Value);
        if (!ActivePollers.TryAdd(pollerKey, 0))
        {
            TelegramLog.SecondReceiver(logger);
            return;
        }

        try
        {
            TelegramLog.PollingStarted(logger);
            await PollAsync(stoppingToken);
        }
        finally
        {
            ActivePollers.TryRemove(pollerKey, out _);
            status.Set(false, "stopped");
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        int? confirmed = null;
        var failures = 0;
        var webhookRemoved = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Update[] updates;
                var asked = time.GetTimestamp();
                try
                {
                    updates = await bot.GetUpdates(
                        offset: offset,
                        limit: BatchLimit,
                        timeout: options.Value.PollTimeoutSeconds,
                        allowedUpdates: AllowedUpdates,
                        cancellationToken: stoppingToken);
                    confirmed = offset;
                    if (failures > 0)
                    {
                        status.Set(true, "polling");
                    }

                    failures = 0;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    status.Set(failures < 3, string.Create(CultureInfo.InvariantCulture, $"getUpdates failing ({failures} in a row)"));
                    if (!webhookRemoved && IsWebhookConflict(exception))
                    {
                        webhookRemoved = true;
                        await RemoveWebhookAsync(stoppingToken);
                        continue;
                    }

                    var delay = PollBackoff.For(failures, exception, Random.Shared.NextDouble());
                    TelegramLog.PollingFailed(logger, delay, scrubber.Safe(exception));
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                if (updates.Length == 0)
                {
                    // A server that ignores the long-poll timeout answers at once; do not spin against it.
                    if (time.GetElapsedTime(asked) < QuickAnswer)
                    {
                        await Task.Delay(QuickAnswer, time, stoppingToken);
                    }

                    continue;
                }

                await HandleBatchAsync(updates, stoppingToken);

                // Committed to Telegram with the next getUpdates, only now that the batch was handled.
                offset = updates.Max(u => u.Id) + 1;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        if (offset is not null && offset != confirmed)
        {
            await ConfirmAsync(offset.Value);
        }
    }

    private async Task HandleBatchAsync(Update[] updates, CancellationToken stoppingToken)
    {
        var byChat = updates.GroupBy(ChatOf).Select(g => g.OrderBy(u => u.Id).ToList()).ToList();
        await Parallel.ForEachAsync(
            byChat,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = stoppingToken },
            async (chatUpdates, cancellationToken) =>
            {
                foreach (var update in chatUpdates)
                {
                    try
                    {
                        await router.RouteAsync(update, cancellationToken);
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // One bad update must not block the rest: it is logged and skipped, never retried forever.
                        TelegramLog.UpdateFailed(logger, update.Id, scrubber.Safe(exception));
                    }
                }
            });
    }

    /// <summary>Tells Telegram on the way out which updates were handled, so a restart does not see them again.</summary>
    private async Task ConfirmAsync(int offset)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3), time);
        try
        {
            await bot.GetUpdates(offset: offset, limit: 1, timeout: 0, allowedUpdates: AllowedUpdates, cancellationToken: timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Best effort: at worst the last batch is delivered again after a restart.
            TelegramLog.PollingFailed(logger, TimeSpan.Zero, scrubber.Safe(exception));
        }
    }

    private async Task RemoveWebhookAsync(CancellationToken stoppingToken)
    {
        TelegramLog.RemovingWebhook(logger);
        try
        {
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            TelegramLog.PollingFailed(logger, TimeSpan.Zero, scrubber.Safe(exception));
        }
    }

    private static bool IsWebhookConflict(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 409 } api && api.Message.Contains("webhook", StringComparison.OrdinalIgnoreCase);

    private static long ChatOf(Update update) => update switch
    {
        { Message: { } message } => message.Chat.Id,
        { ChannelPost: { } post } => post.Chat.Id,
        { CallbackQuery.Message: { } message } => message.Chat.Id,
        { MyChatMember: { } change } => change.Chat.Id,
        _ => 0,
    };

    private static string PollerKey(TelegramOptions options) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((options.ApiBaseUrl ?? "") + "\n" + options.Token)));
}
