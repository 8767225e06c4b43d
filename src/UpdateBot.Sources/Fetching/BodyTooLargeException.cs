namespace UpdateBot.Sources.Fetching;

/// <summary>The body (after decompression) is larger than <see cref="SourceFetchOptions.MaxBodyBytes"/>.</summary>
public sealed class BodyTooLargeException : Exception
{
    public BodyTooLargeException()
    {
    }

    public BodyTooLargeException(string message)
        : base(message)
    {
    }

    public BodyTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
