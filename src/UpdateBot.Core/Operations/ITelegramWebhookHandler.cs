namespace UpdateBot.Core.Operations;

/// <summary>
/// Receives Telegram webhook updates from the web endpoint. The endpoint has already checked the
/// X-Telegram-Bot-Api-Secret-Token header against <see cref="SecretToken"/> in constant time and bounded the body.
/// </summary>
public interface ITelegramWebhookHandler
{
    /// <summary>The secret_token given to setWebhook (1–256 of A-Z a-z 0-9 _ -); null or empty refuses every update.</summary>
    string? SecretToken { get; }

    /// <summary>
    /// Handles (or durably queues) one Update. True acknowledges it to Telegram (HTTP 200); false means the body is
    /// not an Update (HTTP 400, Telegram does not retry); throwing makes the endpoint answer 500, so Telegram retries.
    /// </summary>
    Task<bool> HandleUpdateAsync(string updateJson, CancellationToken cancellationToken);
}
