using System.Security.Cryptography;
using System.Text;

namespace UpdateBot.Web.WebSub;

/// <summary>
/// Checks the X-Hub-Signature header of a WebSub content distribution: "method=hexdigest", an HMAC of the body
/// keyed with the subscription's secret (W3C WebSub §8: sha1, sha256, sha384 or sha512).
/// </summary>
internal static class WebSubSignature
{
    public const string Header = "X-Hub-Signature";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var separator = header.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(separator + 1).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        var expected = header[..separator].Trim().ToLowerInvariant() switch
        {
#pragma warning disable CA5350 // WebSub allows sha1 signatures; an HMAC-SHA1 is still a sound MAC.
            "sha1" => HMACSHA1.HashData(key, body),
#pragma warning restore CA5350
            "sha256" => HMACSHA256.HashData(key, body),
            "sha384" => HMACSHA384.HashData(key, body),
            "sha512" => HMACSHA512.HashData(key, body),
            _ => null,
        };
        return expected is not null && CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
