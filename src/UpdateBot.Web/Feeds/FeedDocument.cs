using UpdateBot.Core.Entries;

namespace UpdateBot.Web.Feeds;

/// <summary>What both outgoing feed formats are written from: the merged timeline, newest first.</summary>
internal sealed record FeedDocument(
    string Title,
    string HomeUrl,
    string SelfUrl,
    string Id,
    DateTimeOffset Updated,
    IReadOnlyList<Entry> Entries);
