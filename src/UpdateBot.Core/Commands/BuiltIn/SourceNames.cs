using UpdateBot.Core.Configuration;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.Core.Commands.BuiltIn;

internal static class SourceNames
{
    /// <summary>The configured source a user named (case-insensitive), "*" for none given, or null with an error.</summary>
    public static string? Resolve(string? requested, UpdateBotOptions options, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(requested) || requested is "*" or "all")
        {
            return Subscription.AllSources;
        }

        var match = options.Sources.FirstOrDefault(s => string.Equals(s.Name, requested, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match.Name;
        }

        var known = options.Sources.Select(s => s.Name).ToList();
        error = known.Count == 0
            ? $"I don't follow a live blog called '{ArgumentParser.Shorten(requested)}'."
            : $"I don't follow a live blog called '{ArgumentParser.Shorten(requested)}'. I follow: {string.Join(", ", known)}.";
        return null;
    }
}
