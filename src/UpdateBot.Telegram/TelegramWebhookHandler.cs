using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using UpdateBot.Core.Operations;
using UpdateBot.Telegram.Receiving;

namespace UpdateBot.Telegram;

/// <summary>
/// Webhook mode: the web host maps an endpoint and passes each POSTed body here with the
/// X-Telegram-Bot-Api-Secret-Token header. The secret is compared in constant time; repeats of an update Telegram
/// re-posted are handled once.
/// </summary>
public sealed class TelegramWebhookHandler : ITelegramWebhookHandler
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private const int RememberedUpdates = 1024;

    private readonly IOptions<TelegramOptions> options;
    private readonly TelegramUpdateRouter router;
    private readonly TelegramBotIdentity identity;
    private readonly TokenScrubber scrubber;
    private readonly ILogger<TelegramWebhookHandler> logger;
    private readonly HashSet<int> seen = [];
    private readonly Queue<int> seenOrder = new();
    private readonly Lock gate = new();

    internal TelegramWebhookHandler(
        IOptions<TelegramOptions> options,
        TelegramUpdateRouter router,
        TelegramBotIdentity identity,
        TokenScrubber scrubber,
        ILogger<TelegramWebhookHandler> logger)
    {
        this.options = options;
        this.router = router;
        this.identity = identity;
        this.scrubber = scrubber;
        this.logger = logger;
    }

    /// <summary>The secret given to setWebhook; the web endpoint checks the header against it.</summary>
    public string? SecretToken => options.Value.WebhookSecret;

    /// <summary>
    /// For the web endpoint, which has already checked the secret header: handles one update. False when the body
    /// is not an update (the endpoint answers 400 and Telegram does not retry it).
    /// </summary>
    public async Task<bool> HandleUpdateAsync(string updateJson, CancellationToken cancellationToken)
    {
        if (Parse(updateJson) is not { } update)
        {
            return false;
        }

        await HandleCheckedAsync(update, cancellationToken);
        return true;
    }

    /// <summary>Handles one POSTed body (JSON of an Update).</summary>
    public async Task<TelegramWebhookOutcome> HandleWebhookAsync(string json, string? secretHeader, CancellationToken cancellationToken)
    {
        if (!SecretMatches(secretHeader))
        {
            TelegramLog.WebhookRefused(logger, "wrong or missing secret token");
            return TelegramWebhookOutcome.Unauthorized;
        }

        return Parse(json) is { } update
            ? await HandleCheckedAsync(update, cancellationToken)
            : TelegramWebhookOutcome.BadRequest;
    }

    /// <summary>Handles one update already read by the host.</summary>
    public async Task<TelegramWebhookOutcome> HandleWebhookAsync(Update update, string? secretHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!SecretMatches(secretHeader))
        {
            TelegramLog.WebhookRefused(logger, "wrong or missing secret token");
            return TelegramWebhookOutcome.Unauthorized;
        }

        return await HandleCheckedAsync(update, cancellationToken);
    }

    private async Task<TelegramWebhookOutcome> HandleCheckedAsync(Update update, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!seen.Add(update.Id))
            {
                return TelegramWebhookOutcome.Handled;
            }

            seenOrder.Enqueue(update.Id);
            if (seenOrder.Count > RememberedUpdates)
            {
                seen.Remove(seenOrder.Dequeue());
            }
        }

        await identity.WaitAsync(cancellationToken);
        try
        {
            await router.RouteAsync(update, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Answering 200 anyway: Telegram would otherwise re-post an update that fails the same way.
            TelegramLog.UpdateFailed(logger, update.Id, scrubber.Safe(exception));
        }

        return TelegramWebhookOutcome.Handled;
    }

    private Update? Parse(string? json)
    {
        try
        {
            if (JsonSerializer.Deserialize<Update>(json ?? "", JsonBotAPI.Options) is { } update)
            {
                return update;
            }
        }
        catch (JsonException)
        {
        }

        TelegramLog.WebhookRefused(logger, "the body is not a Telegram update");
        return null;
    }

    private bool SecretMatches(string? header)
    {
        var expected = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(expected) || header is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(expected));
    }
}
