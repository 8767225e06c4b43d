namespace UpdateBot.Core.Operations;

/// <summary>
/// A feed document a WebSub hub pushed for a source (signature already verified): the full body the hub sent,
/// to be parsed like a fetched copy of <paramref name="Topic"/>.
/// </summary>
public sealed record PushedContent(
    string SourceName,
    string Topic,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt);
