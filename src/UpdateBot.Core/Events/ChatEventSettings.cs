namespace UpdateBot.Core.Events;

/// <summary>A chat's event preferences: its home place (a place name, never a person's coordinates) and reminders.</summary>
public sealed record ChatEventSettings
{
    /// <summary>A gazetteer place name set by /home ("Leeds, GB").</summary>
    public string? HomePlace { get; init; }

    /// <summary>Remind the chat an hour before events near its home place, and announce moves and cancellations.</summary>
    public bool Remind { get; init; }

    public static ChatEventSettings Default { get; } = new();
}
