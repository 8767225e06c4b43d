using System.IO.Compression;

namespace UpdateBot.Sources.Fetching;

/// <summary>
/// Content-Encoding, handled here rather than by the HTTP handler, so an unchanged compressed body can be recognised
/// by its compressed bytes without being inflated. The inflated size is still capped (a gzip bomb stops at the cap).
/// </summary>
internal static class ContentCoding
{
    /// <summary>The Accept-Encoding sent with every request.</summary>
    public const string Accepted = "gzip, deflate, br";

    public static bool TryRead(ICollection<string> encodings, out BodyCoding coding)
    {
        coding = BodyCoding.Identity;
        if (encodings.Count == 0)
        {
            return true;
        }

        if (encodings.Count > 1)
        {
            return false;
        }

        switch (encodings.First().Trim().ToLowerInvariant())
        {
            case "" or "identity":
                return true;
            case "gzip" or "x-gzip":
                coding = BodyCoding.Gzip;
                return true;
            case "deflate":
                coding = BodyCoding.Deflate;
                return true;
            case "br":
                coding = BodyCoding.Brotli;
                return true;
            default:
                return false;
        }
    }

    public static Stream Decompress(BodyCoding coding, Stream compressed) => coding switch
    {
        BodyCoding.Gzip => new GZipStream(compressed, CompressionMode.Decompress),
        BodyCoding.Deflate => IsZlib(compressed) ? new ZLibStream(compressed, CompressionMode.Decompress) : new DeflateStream(compressed, CompressionMode.Decompress),
        BodyCoding.Brotli => new BrotliStream(compressed, CompressionMode.Decompress),
        _ => compressed,
    };

    /// <summary>HTTP "deflate" should be zlib-wrapped, but some servers send raw deflate: look at the zlib header.</summary>
    private static bool IsZlib(Stream compressed)
    {
        Span<byte> header = stackalloc byte[2];
        var read = compressed.ReadAtLeast(header, 2, throwOnEndOfStream: false);
        compressed.Position = 0;
        return read == 2 && (header[0] & 0x0F) == 8 && ((header[0] << 8) | header[1]) % 31 == 0;
    }
}
