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

    /// <summary>
    /// How long a reminder claimed but neither sent nor given back stays with the instance that claimed it. After that
    /// it counts as abandoned (that instance died mid-send) and any instance's next round sends it: a crash costs at
    /// most one duplicate notice, never a lost one. A send starts within half of this and is cut off at three quarters,
    /// so a live instance is never overtaken. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan ClaimLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many of the newest entries are read on each refresh.</summary>
    [Range(10, 100_000)]
    public int EntriesRead { get; set; } = 1000;
}
