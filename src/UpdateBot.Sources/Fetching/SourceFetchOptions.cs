using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Sources.Fetching;

/// <summary>Limits on fetching sources (UpdateBot:Fetch). The defaults suit every real live blog we know.</summary>
public sealed class SourceFetchOptions
{
    public const string SectionName = "UpdateBot:Fetch";

    /// <summary>Largest body accepted, counted after decompression (default 10 MB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Time allowed for one whole fetch, headers and body (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;
}
