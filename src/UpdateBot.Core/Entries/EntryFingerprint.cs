using System.Security.Cryptography;
using System.Text;

namespace UpdateBot.Core.Entries;

/// <summary>Content hash of an entry: equal for entries a reader cannot tell apart.</summary>
public static class EntryFingerprint
{
    public static string Of(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var builder = new StringBuilder();
        builder.Append(entry.Title).Append('\u001f').Append(entry.Text).Append('\u001f');
        foreach (var link in entry.Links)
        {
            builder.Append(link.Text).Append('\u001e').Append(link.Url).Append('\u001f');
        }

        foreach (var media in entry.Media)
        {
            builder.Append(media.Url).Append('\u001e').Append(media.Caption).Append('\u001f');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
