using System.Security.Cryptography;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Moderation;

/// <summary>Moderators' breaking entries: their own source, short ids people can type back.</summary>
public static class BreakingEntries
{
    public const string SourceName = "breaking";

    public static Entry Create(string text, UserRef author, DateTimeOffset now) => new()
    {
        SourceName = SourceName,
        Id = "b" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
        Published = now,
        Text = Normalise(text),
        Kind = EntryKind.Breaking,
        Author = author.DisplayName ?? author.UserId,
    };

    /// <summary>Paragraphs from a typed text: "\n" or a literal "\n\n" separate them; control characters go.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = new string(text.Where(c => c == '\n' || !char.IsControl(c)).ToArray());
        var paragraphs = cleaned.Replace("\\n", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs);
    }
}
