namespace UpdateBot.Core.Entries;

public enum MediaKind
{
    Image,
    Video,
    Embed,
}
