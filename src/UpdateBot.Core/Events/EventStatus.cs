namespace UpdateBot.Core.Events;

/// <summary>What became of an announced event.</summary>
public enum EventStatus
{
    Scheduled,
    Moved,
    Cancelled,
}
