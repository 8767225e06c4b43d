namespace UpdateBot.StandIns.Discord;

/// <summary>A guild member who uses the bot: permissions as Discord's decimal bitset string.</summary>
public sealed record StandInUser(string Id, string Username = "someone", string Permissions = "0")
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>ADMINISTRATOR (8).</summary>
    public static StandInUser Admin(string id) => new(id, "admin", "8");
}
