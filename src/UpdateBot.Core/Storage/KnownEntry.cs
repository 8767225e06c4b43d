namespace UpdateBot.Core.Storage;

/// <summary>What the store knows of an entry, enough to tell new from changed from gone.</summary>
public sealed record KnownEntry(string Id, string ContentHash, DateTimeOffset Published, int Misses, bool Removed);
