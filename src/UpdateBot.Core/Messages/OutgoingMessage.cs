namespace UpdateBot.Core.Messages;

/// <summary>
/// A platform-neutral message: the one shape every outgoing text takes before an adapter renders it
/// (Telegram HTML, a Discord embed, the console). Adapters escape all text and never let it mention anyone.
/// </summary>
public sealed record OutgoingMessage
{
    public string? Title { get; init; }

    /// <summary>Where the title links to (the entry's URL).</summary>
    public string? TitleUrl { get; init; }

    /// <summary>The moment the message is about (an entry's publication time).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The timestamp as readers should see it, already in the feed's zone ("Tue 28 Jun 10:42").</summary>
    public string? TimeLabel { get; init; }

    public IReadOnlyList<Paragraph> Body { get; init; } = [];

    public string? ImageUrl { get; init; }

    /// <summary>A short line under the message: the source's name, a part number.</summary>
    public string? Footer { get; init; }

    public IReadOnlyList<IReadOnlyList<MessageButton>> Buttons { get; init; } = [];

    public MessageTone Tone { get; init; } = MessageTone.Reply;

    /// <summary>Only the asking user should see it, where the platform allows (Discord ephemeral replies).</summary>
    public bool Private { get; init; }

    /// <summary>A place to show as a map pin after the text, where the platform can (Telegram venue).</summary>
    public MessageVenue? Venue { get; init; }

    public static OutgoingMessage Text(string text, MessageTone tone = MessageTone.Reply) =>
        new() { Body = text.Split("\n\n").Select(p => Paragraph.Of(p)).ToList(), Tone = tone };

    /// <summary>All visible text, for logs of length and for the console.</summary>
    public int VisibleLength =>
        (Title?.Length ?? 0) + (TimeLabel?.Length ?? 0) + Body.Sum(p => p.PlainText.Length + 2) + (Footer?.Length ?? 0);
}
