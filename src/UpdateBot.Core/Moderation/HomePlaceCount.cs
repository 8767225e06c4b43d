namespace UpdateBot.Core.Moderation;

/// <summary>One home place (as /home stored it, e.g. "Leeds, GB") and how many subscribed destinations chose it.</summary>
public sealed record HomePlaceCount(string HomePlace, int Destinations);
