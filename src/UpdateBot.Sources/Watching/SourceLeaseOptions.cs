using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Sources.Watching;

/// <summary>
/// How instances sharing one database split the sources (UpdateBot:SourceLeases): each source is polled by the instance
/// holding its lease. The holder renews the lease as it polls; a lease whose holder died expires after
/// <see cref="IntervalsPerLease"/> poll intervals (at least <see cref="MinimumDuration"/>), and another instance takes
/// the source over. A single instance always holds every lease, so it polls exactly as it would without them.
/// </summary>
public sealed class SourceLeaseOptions
{
    public const string SectionName = "UpdateBot:SourceLeases";

    /// <summary>Switch the leases off only when a single instance ever uses the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Lease length in poll intervals of the source (default 3): how long a dead holder keeps the source.</summary>
    [Range(2, 100)]
    public int IntervalsPerLease { get; set; } = 3;

    /// <summary>Shortest lease (default 1 minute), so a slow fetch of a fast-polled source never outlives its lease.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MinimumDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Names this instance; leases are held as "InstanceId/process". A restarted instance takes the leases its previous
    /// process left at once. Default: UpdateBot:Delivery:InstanceId, else the machine name. Several instances on one
    /// database must each have their own.
    /// </summary>
    public string? InstanceId { get; set; }
}
