namespace UpdateBot.Core.Commands;

/// <summary>Who may use a command.</summary>
public enum CommandAudience
{
    Everyone,

    /// <summary>In groups, the chat's admins (and moderators); anyone in a private chat.</summary>
    ChatAdmins,

    /// <summary>Only the configured moderators.</summary>
    Moderators,
}
