using System.Text.Json;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Storage.Sql;

/// <summary>JSON for the few nested values kept in one column (links, media, filters, source state).</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Links(IReadOnlyList<EntryLink> links) => JsonSerializer.Serialize(links, Options);

    public static IReadOnlyList<EntryLink> Links(string json) => JsonSerializer.Deserialize<List<EntryLink>>(json, Options) ?? [];

    public static string Media(IReadOnlyList<EntryMedia> media) => JsonSerializer.Serialize(media, Options);

    public static IReadOnlyList<EntryMedia> Media(string json) => JsonSerializer.Deserialize<List<EntryMedia>>(json, Options) ?? [];

    public static string? Filter(SubscriptionFilter filter) => filter.IsEmpty && filter.RadiusKm is null ? null : JsonSerializer.Serialize(filter, Options);

    public static SubscriptionFilter Filter(string? json) =>
        json is null ? SubscriptionFilter.None : JsonSerializer.Deserialize<SubscriptionFilter>(json, Options) ?? SubscriptionFilter.None;

    public static string State(SourceState state) => JsonSerializer.Serialize(state, Options);

    public static SourceState? State(string json) => JsonSerializer.Deserialize<SourceState>(json, Options);

    public static string Ids(IReadOnlyList<string> ids) => JsonSerializer.Serialize(ids, Options);

    public static IReadOnlyList<string> Ids(string json) => JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];
}
