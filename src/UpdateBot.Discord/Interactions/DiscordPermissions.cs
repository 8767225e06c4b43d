using System.Globalization;
using System.Numerics;

namespace UpdateBot.Discord.Interactions;

/// <summary>Permission bitsets arrive as decimal strings and may exceed 2^31: parsed as BigInteger.</summary>
internal static class DiscordPermissions
{
    public static readonly BigInteger Administrator = BigInteger.One << 3;
    public static readonly BigInteger ManageChannels = BigInteger.One << 4;
    public static readonly BigInteger ManageGuild = BigInteger.One << 5;

    public static BigInteger Parse(string? value) =>
        value is not null && BigInteger.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits >= 0
            ? bits
            : BigInteger.Zero;

    public static bool HasAll(BigInteger held, BigInteger wanted) => wanted != 0 && (held & wanted) == wanted;

    public static bool HasAny(BigInteger held, BigInteger wanted) => (held & wanted) != 0;
}
