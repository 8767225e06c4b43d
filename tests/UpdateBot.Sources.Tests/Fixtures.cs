using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Tests;

/// <summary>Our own small fixture files (authored for these tests), and parsing helpers.</summary>
internal static class Fixtures
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static FeedSnapshot Parse(string name, string now, string format = "auto", string? baseUrl = "https://example.org/live") =>
        FeedParser.Parse(File.ReadAllBytes(Path(name)), null, baseUrl is null ? null : new Uri(baseUrl),
            new ParseOptions(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), London, format, "test"));

    public static FeedSnapshot ParseText(string text, string now, string format = "auto", string? contentType = null) =>
        FeedParser.Parse(text, contentType, new Uri("https://example.org/live"),
            new ParseOptions(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), London, format, "test"));

    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
