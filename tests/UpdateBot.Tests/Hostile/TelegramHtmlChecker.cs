using System.Text.RegularExpressions;

namespace UpdateBot.Tests.Hostile;

/// <summary>
/// Checks text is valid Telegram HTML as the Bot API parses it: only the supported tags, properly nested and closed,
/// only the named entities it knows (&amp;lt; &amp;gt; &amp;amp; &amp;quot;) or numeric ones, no bare '&lt;' or '&amp;'.
/// </summary>
internal static partial class TelegramHtmlChecker
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "tg-spoiler", "span"];

    public static string? Problem(string html)
    {
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    return $"bare '<' at {i}";
                }

                var tag = html[(i + 1)..end];
                var closing = tag.StartsWith('/');
                var name = TagName().Match(closing ? tag[1..] : tag).Value.ToLowerInvariant();
                if (!Tags.Contains(name))
                {
                    return $"unsupported tag <{tag}>";
                }

                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return $"misnested </{name}>";
                    }
                }
                else
                {
                    if (name == "a" && !SafeHref().IsMatch(tag))
                    {
                        return $"unsafe link <{tag}>";
                    }

                    open.Push(name);
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var entity = Entity().Match(html, i);
                if (!entity.Success || entity.Index != i)
                {
                    return $"bare '&' at {i}";
                }

                i += entity.Length;
            }
            else if (c == '>')
            {
                return $"bare '>' at {i}";
            }
            else
            {
                i++;
            }
        }

        return open.Count == 0 ? null : $"unclosed <{open.Peek()}>";
    }

    [GeneratedRegex("^[a-z-]+", RegexOptions.IgnoreCase)]
    private static partial Regex TagName();

    [GeneratedRegex("^a href=\"https?://[^\"<>]*\"$", RegexOptions.IgnoreCase)]
    private static partial Regex SafeHref();

    [GeneratedRegex("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
