namespace UpdateBot.Core.Entries;

/// <summary>A hyperlink kept from an entry's body: the visible text and its absolute target.</summary>
public sealed record EntryLink(string Text, string Url);
