using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Web;

/// <summary>The web endpoint (UpdateBot:Web): health, metrics, feeds out, webhooks, status page.</summary>
public sealed class WebOptions
{
    public const string SectionName = "UpdateBot:Web";

    /// <summary>False turns the endpoint off entirely (nothing listens).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Semicolon-separated listen URLs. Loopback by default; expose it only behind a reverse proxy.</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The address the endpoint is reachable at from outside (https://bot.example.org), used for feed links and
    /// WebSub callbacks. WebSub is off while this is unset.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body accepted, in bytes (default 1 MB); larger ones get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Title of the outgoing feeds and the status page.</summary>
    [Required]
    public string Title { get; set; } = "UpdateBot";

    /// <summary>Entries in /feed.atom and /feed.json unless ?count= asks for fewer.</summary>
    [Range(1, 500)]
    public int FeedEntries { get; set; } = 50;

    /// <summary>Entries shown on the status page.</summary>
    [Range(1, 100)]
    public int StatusEntries { get; set; } = 10;

    public WebSubOptions WebSub { get; set; } = new();
}
