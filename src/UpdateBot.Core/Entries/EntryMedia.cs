namespace UpdateBot.Core.Entries;

/// <summary>An image or other embedded media in an entry (absolute URL).</summary>
public sealed record EntryMedia(string Url, string? Caption = null, MediaKind Kind = MediaKind.Image);
