namespace UpdateBot.Core.Events;

/// <summary>An event answering a query, with its distance from the query's centre when one was given.</summary>
public sealed record EventMatch(EventRecord Event, double? DistanceKm);
