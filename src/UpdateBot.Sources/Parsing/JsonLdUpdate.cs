using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>One liveBlogUpdate as JSON-LD gives it, and what the page's element for it adds or corrects.</summary>
internal sealed class JsonLdUpdate
{
    public string? Id { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Published { get; set; }

    public DateTimeOffset? Modified { get; set; }

    public string? Headline { get; set; }

    /// <summary>The text the structured data gives (articleBody, text or description).</summary>
    public string? Body { get; init; }

    /// <summary>The text read from the update's element in the page, where it replaces <see cref="Body"/>.</summary>
    public string? Text { get; set; }

    public string? Author { get; init; }

    public List<EntryLink> Links { get; } = [];

    public List<EntryMedia> Media { get; init; } = [];
}
