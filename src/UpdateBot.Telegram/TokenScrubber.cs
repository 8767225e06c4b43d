using System.Text.RegularExpressions;

namespace UpdateBot.Telegram;

/// <summary>
/// Removes the bot token from any text before it reaches a log or an exception message. Telegram.Bot puts the token
/// in every request URL, so anything that echoes a URL could leak it.
/// </summary>
internal sealed partial class TokenScrubber(string token)
{
    private const string Hidden = "***";

    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        if (token.Length > 0)
        {
            text = text.Replace(token, Hidden, StringComparison.Ordinal)
                .Replace(Uri.EscapeDataString(token), Hidden, StringComparison.Ordinal);
        }

        // Any other token-shaped path segment ("/bot123:abc/") is hidden too.
        return BotPath().Replace(text, "bot" + Hidden);
    }

    /// <summary>An exception safe to log: the type names and scrubbed messages of the chain, no inner objects.</summary>
    public TelegramRequestException Safe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 4; current = current.InnerException)
        {
            parts.Add(current.GetType().Name + ": " + Scrub(current.Message));
        }

        return new TelegramRequestException(string.Join(" ← ", parts));
    }

    [GeneratedRegex(@"bot\d{1,16}:[^/\s""']+", RegexOptions.CultureInvariant)]
    private static partial Regex BotPath();
}
