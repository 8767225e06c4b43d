namespace UpdateBot.Core.Entries;

/// <summary>What kind of page or document a source turned out to be.</summary>
public enum FeedKind
{
    /// <summary>A live blog: timestamped entries on one page.</summary>
    LiveBlog,

    /// <summary>A syndication feed (RSS, Atom, JSON Feed).</summary>
    Feed,

    /// <summary>An ordinary article, not a live blog; any entries are teasers.</summary>
    Article,

    /// <summary>Nothing recognisable was found.</summary>
    Unknown,
}
