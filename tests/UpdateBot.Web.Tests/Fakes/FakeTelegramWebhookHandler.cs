using System.Collections.Concurrent;
using UpdateBot.Core.Operations;

namespace UpdateBot.Web.Tests.Fakes;

public sealed class FakeTelegramWebhookHandler(string? secret) : ITelegramWebhookHandler
{
    public string? SecretToken => secret;

    public ConcurrentQueue<string> Updates { get; } = new();

    public Exception? Failure { get; set; }

    /// <summary>When set, handling waits for it (to hold a request in flight).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> HandleUpdateAsync(string updateJson, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        if (!updateJson.Contains("\"update_id\"", StringComparison.Ordinal))
        {
            return false;
        }

        Updates.Enqueue(updateJson);
        return true;
    }
}
