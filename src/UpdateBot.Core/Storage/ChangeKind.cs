namespace UpdateBot.Core.Storage;

public enum ChangeKind
{
    /// <summary>An entry seen for the first time.</summary>
    Added,

    /// <summary>A known entry whose content changed: a new version.</summary>
    Updated,

    /// <summary>An entry gone from the source for several reads in a row, or retracted by a moderator.</summary>
    Removed,
}
