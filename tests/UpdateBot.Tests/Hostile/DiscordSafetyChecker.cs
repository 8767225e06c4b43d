using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UpdateBot.Tests.Hostile;

/// <summary>
/// Checks a Discord message payload cannot ping anyone and fits Discord's limits: allowed_mentions with an empty
/// parse list, no raw @everyone/@here or user/role mention syntax in any text, content ≤ 2,000, ≤ 10 embeds,
/// descriptions ≤ 4,096 and ≤ 6,000 characters of embed text in all.
/// </summary>
internal static partial class DiscordSafetyChecker
{
    public static string? Problem(JsonObject payload)
    {
        if (payload["allowed_mentions"]?["parse"] is not JsonArray parse || parse.Count != 0)
        {
            return "allowed_mentions.parse is not an empty list";
        }

        var content = payload["content"]?.GetValue<string>() ?? "";
        if (content.Length > 2000)
        {
            return $"content of {content.Length} characters";
        }

        var texts = new List<string> { content };
        var embeds = payload["embeds"] as JsonArray ?? [];
        if (embeds.Count > 10)
        {
            return $"{embeds.Count} embeds";
        }

        var total = 0;
        foreach (var embed in embeds.OfType<JsonObject>())
        {
            var description = embed["description"]?.GetValue<string>() ?? "";
            var title = embed["title"]?.GetValue<string>() ?? "";
            var footer = embed["footer"]?["text"]?.GetValue<string>() ?? "";
            if (description.Length > 4096 || title.Length > 256 || footer.Length > 2048)
            {
                return "an embed field over its limit";
            }

            total += description.Length + title.Length + footer.Length;
            texts.AddRange([description, title, footer]);
        }

        if (total > 6000)
        {
            return $"{total} characters of embed text";
        }

        foreach (var text in texts)
        {
            if (Mention().Match(text) is { Success: true } match)
            {
                return $"a live mention '{match.Value}'";
            }
        }

        return null;
    }

    // A backslash before '<' makes Discord show the mention as plain text; '@' followed by a zero-width joiner never pings.
    [GeneratedRegex(@"@(everyone|here)|(?<!\\)<@[!&]?\d+>|(?<!\\)<#\d+>")]
    private static partial Regex Mention();
}
