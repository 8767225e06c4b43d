namespace UpdateBot.StandIns.Telegram;

/// <summary>A chat as the stand-in knows it.</summary>
internal sealed class StandInChat(long id, string type, string? title)
{
    public long Id { get; } = id;

    /// <summary>"private", "group", "supergroup" or "channel".</summary>
    public string Type { get; } = type;

    public string? Title { get; } = title;

    public bool Blocked { get; set; }

    public bool Kicked { get; set; }

    public long? MigratedTo { get; set; }

    public Dictionary<long, string> Members { get; } = [];

    public List<StandInMessage> Messages { get; } = [];

    public int NextMessageId { get; set; } = 1;

    public bool IsGroup => Type is "group" or "supergroup";

    public static string TypeFor(long id) => id switch
    {
        > 0 => "private",
        <= -1_000_000_000_000 => "supergroup",
        _ => "group",
    };
}
