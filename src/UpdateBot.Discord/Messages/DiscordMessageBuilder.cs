using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using UpdateBot.Core.Messages;

namespace UpdateBot.Discord.Messages;

/// <summary>
/// The ONE place that builds the body of every message the bot writes to Discord: channel sends, edits, interaction
/// responses and follow-ups. All text is escaped here and every body gets <c>allowed_mentions: {"parse": []}</c>.
/// A long message becomes several bodies, each within Discord's limits.
/// </summary>
internal static class DiscordMessageBuilder
{
    // A rendered piece of a paragraph never exceeds this, so any piece fits into a fresh description.
    private const int PieceRawLimit = 900;

    /// <summary>Bodies for POST /channels/{id}/messages: each with a nonce derived from the idempotency key.</summary>
    public static IReadOnlyList<JsonObject> ForChannel(OutgoingMessage message, string idempotencyKey)
    {
        var parts = Render(message);
        for (var i = 0; i < parts.Count; i++)
        {
            parts[i]["nonce"] = Nonce(idempotencyKey, i);
            parts[i]["enforce_nonce"] = true;
        }

        return parts;
    }

    /// <summary>Bodies for PATCH of messages posted earlier (no nonce: edits are idempotent).</summary>
    public static IReadOnlyList<JsonObject> ForEdit(OutgoingMessage message) => Render(message);

    /// <summary>Bodies for an interaction response and its follow-ups; private messages are ephemeral.</summary>
    public static IReadOnlyList<JsonObject> ForInteraction(OutgoingMessage message)
    {
        var parts = Render(message);
        if (message.Private)
        {
            foreach (var part in parts)
            {
                part["flags"] = DiscordLimits.EphemeralFlag;
            }
        }

        return parts;
    }

    /// <summary>Autocomplete choices: plain text names (no markdown there), at most 25, each 1–100 characters.</summary>
    public static JsonArray Choices(IEnumerable<string> suggestions)
    {
        var array = new JsonArray();
        foreach (var suggestion in suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Take(DiscordLimits.Choices))
        {
            var value = Truncate(suggestion.Trim(), DiscordLimits.ChoiceName);
            array.Add(new JsonObject { ["name"] = Truncate(DiscordMarkdown.NeutraliseMentions(value), DiscordLimits.ChoiceName), ["value"] = value });
        }

        return array;
    }

    /// <summary>A stable nonce of at most 25 characters for part <paramref name="part"/> of a job.</summary>
    public static string Nonce(string idempotencyKey, int part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey + "#" + part.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(hash)[..DiscordLimits.Nonce];
    }

    private static List<JsonObject> Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var useEmbed = message.Title is not null || message.ImageUrl is not null || message.TitleUrl is not null
            || message.Tone is MessageTone.Entry or MessageTone.Breaking or MessageTone.Retracted;
        var parts = useEmbed ? RenderEmbeds(message) : RenderContent(message);
        var components = Components(message.Buttons);
        if (components is not null)
        {
            parts[^1]["components"] = components;
        }

        foreach (var part in parts)
        {
            part["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };
        }

        return parts;
    }

    private static List<JsonObject> RenderContent(OutgoingMessage message)
    {
        var lead = message.TimeLabel is null ? null : "**" + DiscordMarkdown.Escape(message.TimeLabel) + "**";
        var chunks = Pack(Pieces(message, lead), DiscordLimits.Content);
        if (message.Footer is { } footer)
        {
            var line = "\n-# " + DiscordMarkdown.Escape(Truncate(footer, 200));
            if (chunks[^1].Length + line.Length <= DiscordLimits.Content)
            {
                chunks[^1] += line;
            }
            else
            {
                chunks.Add(line.TrimStart('\n'));
            }
        }

        return chunks.Select(c => new JsonObject { ["content"] = c.Length == 0 ? "\u200B" : c }).ToList();
    }

    private static List<JsonObject> RenderEmbeds(OutgoingMessage message)
    {
        var title = message.Title is { } t ? EscapeWithin(t, DiscordLimits.EmbedTitle - 8) : null;
        var footerText = FooterText(message);
        var budget = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - (title?.Length ?? 0) - footerText.Length - 16);
        var chunks = Pack(Pieces(message, lead: null), budget);
        var url = DiscordMarkdown.SafeUrl(message.TitleUrl);
        var image = DiscordMarkdown.SafeUrl(message.ImageUrl);
        var parts = new List<JsonObject>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var embed = new JsonObject { ["type"] = "rich", ["color"] = Colour(message.Tone) };
            if (title is not null)
            {
                var partTitle = chunks.Count > 1 && i > 0 ? title + string.Create(CultureInfo.InvariantCulture, $" ({i + 1}/{chunks.Count})") : title;
                embed["title"] = partTitle;
                if (url is not null)
                {
                    embed["url"] = url;
                }
            }

            if (chunks[i].Length > 0)
            {
                embed["description"] = chunks[i];
            }

            if (message.Timestamp is { } timestamp)
            {
                embed["timestamp"] = timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }

            if (footerText.Length > 0)
            {
                embed["footer"] = new JsonObject { ["text"] = footerText };
            }

            if (image is not null && i == chunks.Count - 1)
            {
                embed["image"] = new JsonObject { ["url"] = image };
            }

            if (embed["title"] is null && embed["description"] is null)
            {
                embed["description"] = "\u200B";
            }

            parts.Add(new JsonObject { ["embeds"] = new JsonArray(embed) });
        }

        return parts;
    }

    private static string FooterText(OutgoingMessage message)
    {
        var footer = string.Join(" · ", new[] { message.Footer, message.TimeLabel }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return DiscordMarkdown.NeutraliseMentions(Truncate(footer, 500));
    }

    /// <summary>Rendered atoms of the body: each paragraph's runs, long runs cut at word boundaries first.</summary>
    private static List<(string Text, bool ParagraphStart)> Pieces(OutgoingMessage message, string? lead)
    {
        var pieces = new List<(string, bool)>();
        if (lead is not null)
        {
            pieces.Add((lead, true));
        }

        foreach (var paragraph in message.Body)
        {
            var first = true;
            foreach (var run in paragraph.Runs)
            {
                foreach (var text in CutRaw(run.Text))
                {
                    var rendered = RenderRun(run, text);
                    if (rendered.Length == 0)
                    {
                        continue;
                    }

                    pieces.Add((rendered, first));
                    first = false;
                }
            }
        }

        return pieces;
    }

    private static string RenderRun(Inline run, string text) => run switch
    {
        LinkRun link when DiscordMarkdown.SafeUrl(link.Url) is { } url && text.Trim().Length > 0 =>
            "[" + DiscordMarkdown.Escape(text) + "](" + url + ")",
        TextRun { Style: var style } when style.HasFlag(TextStyle.Code) => DiscordMarkdown.CodeSpan(text),
        TextRun { Style: var style } => Styled(DiscordMarkdown.Escape(text), style),
        _ => DiscordMarkdown.Escape(text),
    };

    private static string Styled(string escaped, TextStyle style)
    {
        // Markers must hug non-space text, so surrounding whitespace stays outside them.
        var core = escaped.Trim();
        if (core.Length == 0 || style == TextStyle.Plain)
        {
            return escaped;
        }

        var leading = escaped[..escaped.IndexOf(core, StringComparison.Ordinal)];
        var trailing = escaped[(leading.Length + core.Length)..];
        var open = (style.HasFlag(TextStyle.Bold) ? "**" : "") + (style.HasFlag(TextStyle.Italic) ? "*" : "") + (style.HasFlag(TextStyle.Strike) ? "~~" : "");
        var close = new string(open.Reverse().ToArray());
        return leading + open + core + close + trailing;
    }

    private static IEnumerable<string> CutRaw(string text)
    {
        var position = 0;
        while (text.Length - position > PieceRawLimit)
        {
            var cut = text.LastIndexOf(' ', position + PieceRawLimit, PieceRawLimit);
            var end = cut > position + (PieceRawLimit / 2) ? cut + 1 : position + PieceRawLimit;
            if (char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            yield return text[position..end];
            position = end;
        }

        yield return text[position..];
    }

    /// <summary>Greedy packing of pieces into chunks of at most <paramref name="limit"/> characters.</summary>
    private static List<string> Pack(List<(string Text, bool ParagraphStart)> pieces, int limit)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var (text, paragraphStart) in pieces)
        {
            var separator = current.Length > 0 && paragraphStart ? "\n\n" : "";
            if (current.Length + separator.Length + text.Length > limit && current.Length > 0)
            {
                chunks.Add(current.ToString().Trim());
                current.Clear();
                separator = "";
            }

            current.Append(separator).Append(text);
        }

        chunks.Add(current.ToString().Trim());
        return chunks;
    }

    private static JsonArray? Components(IReadOnlyList<IReadOnlyList<MessageButton>> rows)
    {
        var result = new JsonArray();
        foreach (var row in rows.Where(r => r.Count > 0).Take(DiscordLimits.Rows))
        {
            var buttons = new JsonArray();
            foreach (var button in row.Where(b => b.Data.Length is > 0 and <= DiscordLimits.CustomId).Take(DiscordLimits.ButtonsPerRow))
            {
                buttons.Add(new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = button.Style switch { ButtonStyle.Primary => 1, ButtonStyle.Danger => 4, _ => 2 },
                    ["label"] = Truncate(DiscordMarkdown.NeutraliseMentions(button.Label), DiscordLimits.ButtonLabel),
                    ["custom_id"] = button.Data,
                });
            }

            if (buttons.Count > 0)
            {
                result.Add(new JsonObject { ["type"] = 1, ["components"] = buttons });
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static int Colour(MessageTone tone) => tone switch
    {
        MessageTone.Breaking => 0xD62828,
        MessageTone.Error => 0xE07A5F,
        MessageTone.Retracted => 0x808080,
        MessageTone.Entry => 0x1D70B8,
        _ => 0x5865F2,
    };

    /// <summary>Escapes, cutting the raw text (never an escape sequence) until the result fits.</summary>
    private static string EscapeWithin(string text, int max)
    {
        var raw = text;
        var escaped = DiscordMarkdown.Escape(raw);
        while (escaped.Length > max)
        {
            raw = Truncate(raw, Math.Max(2, raw.Length - Math.Max(1, (escaped.Length - max) / 2)));
            escaped = DiscordMarkdown.Escape(raw);
        }

        return escaped;
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end] + "…";
    }
}
