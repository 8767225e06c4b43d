using UpdateBot.Core.Sources;

namespace UpdateBot.Sources;

/// <summary>Reads a source once: an http(s) URL with a conditional GET, or a local file.</summary>
public interface ISourceReader
{
    Task<SourceReadResult> ReadAsync(SourceDefinition source, SourceState? state, CancellationToken ct);
}
