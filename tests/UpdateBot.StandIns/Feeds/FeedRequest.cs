namespace UpdateBot.StandIns.Feeds;

/// <summary>A request the stand-in feed site received.</summary>
public sealed record FeedRequest(string Path, string UserAgent, string IfNoneMatch, string IfModifiedSince);
