using UpdateBot.Core.Events;

namespace UpdateBot.Web.Tests.Fakes;

/// <summary>Answers like the real catalog: upcoming (not past) events, optionally within a radius, sorted by start.</summary>
public sealed class FakeEventCatalog(IReadOnlyList<EventRecord> events) : IEventCatalog
{
    public List<EventQuery> Queries { get; } = [];

    public Task<IReadOnlyList<EventMatch>> UpcomingAsync(EventQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var matches = events
            .Where(e => query.IncludePast || e.UpcomingUntil >= query.Now)
            .Where(e => query.IncludeCancelled || e.Status != EventStatus.Cancelled)
            .Select(e => new EventMatch(e, query.Center is { } c && e.Place is { } p ? c.DistanceKm(p.Location) : null))
            .Where(m => query.Center is null || (m.DistanceKm is { } d && d <= query.RadiusKm))
            .OrderBy(m => m.Event.Start)
            .Take(query.Limit > 0 ? query.Limit : int.MaxValue)
            .ToList();
        return Task.FromResult<IReadOnlyList<EventMatch>>(matches);
    }
}
