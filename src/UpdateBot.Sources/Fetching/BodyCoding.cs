namespace UpdateBot.Sources.Fetching;

/// <summary>The Content-Encoding of a body, among those we ask for.</summary>
internal enum BodyCoding
{
    Identity,
    Gzip,
    Deflate,
    Brotli,
}
