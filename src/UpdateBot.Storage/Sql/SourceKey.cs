namespace UpdateBot.Storage.Sql;

/// <summary>Source names match case-insensitively (as <c>Subscription.Covers</c> does); keys are their lower-case form.</summary>
internal static class SourceKey
{
    public static string Of(string sourceName) => sourceName.ToLowerInvariant();
}
