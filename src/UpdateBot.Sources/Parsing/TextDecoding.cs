using System.Text;
using System.Text.RegularExpressions;

namespace UpdateBot.Sources.Parsing;

/// <summary>Decodes a body: charset from the BOM, else the Content-Type header, else an XML declaration or HTML meta, else UTF-8.</summary>
internal static partial class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"<\?xml[^>]*encoding\s*=\s*[""'](?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncodingPattern();

    public static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return Utf8(body[3..]);
        }

        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(body[2..]);
        }

        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(body[2..]);
        }

        var encoding = FromName(contentType is null ? null : CharsetPattern().Match(contentType) is { Success: true } m ? m.Groups["cs"].Value : null);
        if (encoding is null)
        {
            var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 2048)]);
            var xml = XmlEncodingPattern().Match(head);
            var meta = CharsetPattern().Match(head);
            encoding = FromName(xml.Success ? xml.Groups["cs"].Value : meta.Success && head.Contains("<meta", StringComparison.OrdinalIgnoreCase) ? meta.Groups["cs"].Value : null);
        }

        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return Utf8(body);
        }

        return encoding.GetString(body);
    }

    /// <summary>UTF-8 with invalid sequences replaced (U+FFFD), never an exception.</summary>
    private static string Utf8(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim());

            // Documents labelled ISO-8859-1 are in practice windows-1252 (as browsers treat them).
            return encoding.CodePage == 28591 ? Encoding.GetEncoding(1252) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
