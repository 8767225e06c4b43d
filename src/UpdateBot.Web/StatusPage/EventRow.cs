namespace UpdateBot.Web.StatusPage;

internal sealed record EventRow(string When, string Title, string? Where, string Status, string? Url);
