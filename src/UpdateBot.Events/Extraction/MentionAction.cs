namespace UpdateBot.Events.Extraction;

internal enum MentionAction
{
    Announce,
    Move,
    Cancel,
}
