using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Events;

/// <summary>A question about upcoming events: from when, and optionally near where.</summary>
public sealed record EventQuery
{
    public const double DefaultRadiusKm = 25;

    public required DateTimeOffset Now { get; init; }

    /// <summary>Only events within <see cref="RadiusKm"/> of this point; events without a place are left out then.</summary>
    public GeoPoint? Center { get; init; }

    public double RadiusKm { get; init; } = DefaultRadiusKm;

    public bool IncludeCancelled { get; init; }

    /// <summary>Include events that already started (e.g. for the CLI's --all).</summary>
    public bool IncludePast { get; init; }

    /// <summary>At most this many matches (0 = all).</summary>
    public int Limit { get; init; }
}
