namespace UpdateBot.StandIns.Feeds;

/// <summary>How the stand-in feed site misbehaves for one path.</summary>
public enum FeedBehaviour
{
    /// <summary>Serves the body, honouring If-None-Match / If-Modified-Since with a 304.</summary>
    Normal,

    /// <summary>Sends nothing until the client gives up.</summary>
    Hang,

    /// <summary>Announces the full Content-Length, sends half the body, then drops the connection.</summary>
    Truncate,

    /// <summary>Streams an endless-looking body of <see cref="FeedResponse.HugeBytes"/> bytes, chunked.</summary>
    Huge,

    /// <summary>A small gzip body that inflates to <see cref="FeedResponse.HugeBytes"/> bytes.</summary>
    GzipBomb,

    /// <summary>Redirects forever between two URLs.</summary>
    RedirectLoop,
}
