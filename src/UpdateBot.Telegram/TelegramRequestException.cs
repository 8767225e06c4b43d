namespace UpdateBot.Telegram;

/// <summary>A Telegram failure as logged: its message has been scrubbed of the token and it carries no inner exception.</summary>
public sealed class TelegramRequestException : Exception
{
    public TelegramRequestException()
    {
    }

    public TelegramRequestException(string message)
        : base(message)
    {
    }

    public TelegramRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
