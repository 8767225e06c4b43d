using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Events.Hosting;

/// <summary>Settings of the events feature (section "UpdateBot:Events").</summary>
public sealed class EventsOptions
{
    public const string SectionName = "UpdateBot:Events";

    /// <summary>ISO country used to rank ambiguous place names (default: from the feed's zone, else GB).</summary>
    [RegularExpression("^[A-Za-z]{2}$")]
    public string? Region { get; set; }

    /// <summary>Radius of /events around a place, in kilometres.</summary>
    [Range(1, 500)]
    public double DefaultRadiusKm { get; set; } = 25;

    /// <summary>At most this many events in one /events answer.</summary>
    [Range(1, 25)]
    public int MaxListed { get; set; } = 10;

    /// <summary>How often the known entries are read for events.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many of the newest entries are read on each refresh.</summary>
    [Range(10, 100_000)]
    public int EntriesRead { get; set; } = 1000;
}
