namespace UpdateBot.Core.Events;

/// <summary>The events known to the bot.</summary>
public interface IEventCatalog
{
    /// <summary>Upcoming events sorted by start (then distance).</summary>
    Task<IReadOnlyList<EventMatch>> UpcomingAsync(EventQuery query, CancellationToken ct);
}
