namespace UpdateBot.Core.Messages;

/// <summary>What a message is for: adapters pick colours and prefixes from it.</summary>
public enum MessageTone
{
    Entry,
    Breaking,
    Reply,
    Error,
    Retracted,
}
