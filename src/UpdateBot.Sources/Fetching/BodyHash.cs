using System.IO.Hashing;

namespace UpdateBot.Sources.Fetching;

/// <summary>
/// Fingerprint of a body, to skip parsing an unchanged one: XXH128, which is many times faster than SHA-256 on
/// large pages. Change detection needs no cryptographic strength: whoever could craft a collision controls the page
/// anyway.
/// </summary>
internal static class BodyHash
{
    public static string Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(body, hash);
        return "x" + Convert.ToHexStringLower(hash);
    }

    /// <summary>The stored hash of a compressed body: its compressed bytes' hash, then its inflated bytes'.</summary>
    public static string Join(string raw, string body) => raw + ":" + body;

    public static (string? Raw, string? Body) Split(string? stored)
    {
        var colon = stored?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon < 0 ? (null, stored) : (stored![..colon], stored[(colon + 1)..]);
    }
}
