namespace UpdateBot.Core.Timeline;

/// <summary>What one ingest of a source's snapshot did to the timeline.</summary>
public sealed record IngestResult(int Added, int Updated, int Removed, int Delivered)
{
    /// <summary>True when the read looked wrong (every known entry gone at once) and nothing was changed.</summary>
    public bool Suspect { get; init; }

    public bool Changed => Added + Updated + Removed > 0;

    public static IngestResult SuspectRead { get; } = new(0, 0, 0, 0) { Suspect = true };
}
