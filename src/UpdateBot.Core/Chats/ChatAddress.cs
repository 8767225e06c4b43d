namespace UpdateBot.Core.Chats;

/// <summary>A chat on one platform: a Telegram chat id, a Discord channel id, "console".</summary>
public sealed record ChatAddress(string Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";

    public static ChatAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a chat address of the form platform:id.");
        }

        return new ChatAddress(value[..colon], value[(colon + 1)..]);
    }
}
