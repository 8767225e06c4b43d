namespace UpdateBot.Web.StatusPage;

internal sealed record SourceRow(
    string Name,
    string? Title,
    SourceHealth Health,
    string? LastSuccess,
    string? LastError,
    int ConsecutiveFailures,
    long EntriesSeen,
    bool Pushed);
