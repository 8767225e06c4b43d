namespace UpdateBot.Core.Chats;

/// <summary>What a platform said about one send, edit or delete.</summary>
public sealed record SendResult(SendOutcome Outcome)
{
    public IReadOnlyList<string> MessageIds { get; init; } = [];

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The 429 concerned the whole bot (Discord's global limit), not one chat: every send waits.</summary>
    public bool GlobalLimit { get; init; }

    public ChatAddress? MovedTo { get; init; }

    /// <summary>A short reason for logs and /status; never contains a token.</summary>
    public string? Error { get; init; }

    public static SendResult Sent(IReadOnlyList<string> ids) => new(SendOutcome.Sent) { MessageIds = ids };

    public static SendResult Limited(TimeSpan retryAfter) => new(SendOutcome.RateLimited) { RetryAfter = retryAfter };

    public static SendResult Failed(SendOutcome outcome, string error) => new(outcome) { Error = error };
}
