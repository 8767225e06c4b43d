using System.Security.Cryptography;
using System.Text;

namespace UpdateBot.Web.Http;

/// <summary>Constant-time comparison of secrets; hashing first hides the expected secret's length too.</summary>
internal static class SecretComparer
{
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
