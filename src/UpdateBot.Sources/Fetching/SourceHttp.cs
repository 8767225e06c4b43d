using System.Reflection;

namespace UpdateBot.Sources.Fetching;

/// <summary>Names and headers of the HTTP client that fetches sources.</summary>
public static class SourceHttp
{
    public const string ClientName = "UpdateBot.Sources";

    /// <summary>"UpdateBot/0.1.0 (+https://github.com/updatebot)".</summary>
    public static string UserAgent { get; } = $"UpdateBot/{Version()} (+https://github.com/updatebot)";

    private static string Version()
    {
        var informational = typeof(SourceHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+')[0];
        return string.IsNullOrWhiteSpace(version) ? typeof(SourceHttp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" : version;
    }
}
