using System.Security.Cryptography;
using System.Text;
using UpdateBot.Core.Entries;

namespace UpdateBot.Web.Feeds;

/// <summary>
/// Permanent, unique ids for feed items: a name-based UUID (RFC 9562 version 8, from SHA-256) of the source name and
/// the entry's id, so an entry keeps its id across edits and restarts.
/// </summary>
internal static class FeedIds
{
    public static string For(Entry entry) => Urn("entry\u001f" + entry.SourceName + "\u001f" + entry.Id);

    public static string Urn(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("updatebot\u001f" + name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
