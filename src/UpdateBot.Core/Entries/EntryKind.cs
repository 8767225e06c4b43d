namespace UpdateBot.Core.Entries;

/// <summary>What an entry is, as the bot treats it.</summary>
public enum EntryKind
{
    /// <summary>An ordinary entry of a watched live blog or feed.</summary>
    Entry,

    /// <summary>A breaking entry posted by a moderator: sent ahead of routine entries.</summary>
    Breaking,

    /// <summary>A teaser seen on a page that is not itself a live blog (an article's widget).</summary>
    Teaser,
}
