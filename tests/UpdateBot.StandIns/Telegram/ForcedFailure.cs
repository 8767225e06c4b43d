namespace UpdateBot.StandIns.Telegram;

/// <summary>An error a test asked the stand-in to give the next time a method is called.</summary>
internal sealed record ForcedFailure(int ErrorCode, string Description, int? RetryAfter, long? MigrateTo);
