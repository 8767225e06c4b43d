using UpdateBot.Core.Operations;

namespace UpdateBot.Web.StatusPage;

/// <summary>Everything the status page shows, already formatted for reading (times in the bot's zone).</summary>
internal sealed record StatusPageModel(
    string Title,
    string GeneratedAt,
    string ZoneName,
    IReadOnlyList<SourceRow> Sources,
    IReadOnlyList<PlatformQueueStats>? Queue,
    IReadOnlyList<(string Platform, bool Connected, string? Detail)> Platforms,
    IReadOnlyList<EntryRow> Entries,
    IReadOnlyList<EventRow>? Events);
