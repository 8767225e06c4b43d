namespace UpdateBot.Core.Chats;

/// <summary>
/// Something a user did that the core answers: a command typed, a button pressed, a location shared.
/// Adapters build it at their edge; nothing platform-specific passes inward.
/// </summary>
public sealed record Inbound
{
    public required ChatAddress Chat { get; init; }

    public required UserRef User { get; init; }

    public ChatKind ChatKind { get; init; } = ChatKind.Private;

    /// <summary>The command text ("/latest 3"), with any "@BotName" suffix already removed.</summary>
    public string Text { get; init; } = "";

    /// <summary>Data of a pressed button, when the inbound is a button press.</summary>
    public string? CallbackData { get; init; }

    /// <summary>A location the user shared, for this one answer only.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The user administers this chat (Telegram group admin, Discord Manage Channels).</summary>
    public bool IsChatAdmin { get; init; }

    /// <summary>Arguments a platform passed by name (Discord slash-command options); when set, they replace <see cref="Text"/>'s.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>The platform says the user holds the configured moderator permission or role (Discord).</summary>
    public bool HasModeratorRole { get; init; }
}
