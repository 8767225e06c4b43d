using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Core.Configuration;

/// <summary>One configured source (UpdateBot:Sources:N).</summary>
public sealed class SourceOptions
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Url { get; set; } = "";

    public string Format { get; set; } = "auto";

    /// <summary>Normal pace of polling (default 1 minute, at least 1 second).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest quiet-hours interval; default 5 × PollInterval.</summary>
    public TimeSpan? MaxPollInterval { get; set; }

    [Range(0, 100)]
    public int Backlog { get; set; }

    public string? TimeZone { get; set; }
}
