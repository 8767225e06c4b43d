namespace UpdateBot.Core.Chats;

public enum ChatKind
{
    Private,
    Group,
    Channel,
}
