using System.Security.Cryptography;

namespace UpdateBot.Sources.Fetching;

internal static class BodyHash
{
    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
}
