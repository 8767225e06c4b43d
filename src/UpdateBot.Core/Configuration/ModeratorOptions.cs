namespace UpdateBot.Core.Configuration;

/// <summary>Who may post, edit and retract (UpdateBot:Moderators).</summary>
public sealed class ModeratorOptions
{
    /// <summary>Telegram user ids.</summary>
    public IList<string> Telegram { get; } = [];

    /// <summary>Discord user ids.</summary>
    public IList<string> Discord { get; } = [];

    /// <summary>Discord role ids whose members are moderators too.</summary>
    public IList<string> DiscordRoles { get; } = [];
}
