using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Core.Configuration;

/// <summary>The bot's own settings, bound from the "UpdateBot" section and validated at start-up.</summary>
public sealed class UpdateBotOptions
{
    public const string SectionName = "UpdateBot";

    /// <summary>IANA zone times are shown in when a source gives none (default Europe/London).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";

    public IList<SourceOptions> Sources { get; } = [];

    public ModeratorOptions Moderators { get; } = new();

    /// <summary>Entries shown by /latest when no count is given.</summary>
    [Range(1, 20)]
    public int LatestDefault { get; set; } = 5;

    /// <summary>Consecutive reads an entry must be missing from before it counts as removed.</summary>
    [Range(1, 100)]
    public int RemovalMisses { get; set; } = 3;
}
