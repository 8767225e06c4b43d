namespace UpdateBot.Core.Chats;

public enum SendOutcome
{
    /// <summary>Delivered; message ids recorded.</summary>
    Sent,

    /// <summary>The platform asked us to wait (429): retry after <see cref="SendResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>A passing fault (5xx, timeout, dropped connection): retry with backoff.</summary>
    Transient,

    /// <summary>The bot may no longer write here (blocked, kicked, missing access): pause the destination.</summary>
    Forbidden,

    /// <summary>The chat moved (Telegram group upgraded): retry at <see cref="SendResult.MovedTo"/>.</summary>
    Moved,

    /// <summary>The message itself was refused (too long, bad content, message to edit is gone): do not retry as is.</summary>
    Rejected,
}
