namespace UpdateBot.Web.StatusPage;

internal sealed record EntryRow(string Time, string Source, string Title, string? Url, bool Breaking);
