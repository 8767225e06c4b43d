using System.Globalization;
using System.Text;
using Telegram.Bot.Types.ReplyMarkups;
using UpdateBot.Core.Messages;

namespace UpdateBot.Telegram.Rendering;

/// <summary>
/// Renders the platform-neutral <see cref="OutgoingMessage"/> as Telegram HTML: every text escaped, paragraphs kept,
/// links as &lt;a href&gt;, time and title bold, a link back to the entry, the footer in italics. Messages over the
/// limit are split between paragraphs or sentences and numbered "(1/3)".
/// </summary>
internal static class MessageRenderer
{
    public const int TextLimit = 4096;
    public const int CaptionLimit = 1024;
    public const int MaxCallbackDataBytes = 64;

    // Room for the "(12/12) " numbering of split parts.
    private const int NumberingReserve = 10;

    // Longest atom; well under the caption limit so a caption can always hold at least one.
    private const int MaxAtom = 900;

    private static readonly (string Open, string Close)[] Tags = BuildTags();

    public static RenderedMessage Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var keyboard = Keyboard(message.Buttons);
        var blocks = Blocks(message);
        if (blocks.Count == 0)
        {
            return new RenderedMessage([], keyboard);
        }

        if (TelegramHtml.IsWebUrl(message.ImageUrl))
        {
            var caption = Pack(blocks, CaptionLimit);
            if (caption.Count == 1)
            {
                return new RenderedMessage([], keyboard) { PhotoUrl = message.ImageUrl, Caption = caption[0] };
            }

            // Too long for a caption: send text, and keep the picture reachable by a link.
            blocks.Add([Link("Image", message.ImageUrl!)]);
        }

        return new RenderedMessage(Number(Pack(blocks, TextLimit - NumberingReserve)), keyboard);
    }

    /// <summary>
    /// The message as text only (for editing text messages, or when a photo was refused): the picture becomes a link.
    /// </summary>
    public static RenderedMessage RenderAsText(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TelegramHtml.IsWebUrl(message.ImageUrl)
            ? Render(message with { ImageUrl = null, Body = [.. message.Body, Paragraph.Of(new LinkRun("Image", message.ImageUrl!))] })
            : Render(message with { ImageUrl = null });
    }

    /// <summary>The message as a single caption for editing a photo, shortened with "…" when it does not fit.</summary>
    public static RenderedPart RenderCaption(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = Pack(Blocks(message), CaptionLimit - 1);
        return parts.Count switch
        {
            0 => new RenderedPart("…", "…"),
            1 => parts[0],
            _ => new RenderedPart(parts[0].Html + "…", parts[0].Plain + "…"),
        };
    }

    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<MessageButton>> rows)
    {
        var keyboard = rows
            .Select(row => row
                .Where(b => b.Label.Length > 0 && b.Data.Length > 0 && Encoding.UTF8.GetByteCount(b.Data) <= MaxCallbackDataBytes)
                .Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))
                .ToList())
            .Where(row => row.Count > 0)
            .ToList();
        return keyboard.Count == 0 ? null : new InlineKeyboardMarkup(keyboard);
    }

    private static List<List<Atom>> Blocks(OutgoingMessage message)
    {
        var blocks = new List<List<Atom>>();
        var header = Header(message);
        if (header.Count > 0)
        {
            blocks.Add(header);
        }

        foreach (var paragraph in message.Body)
        {
            if (string.IsNullOrWhiteSpace(paragraph.PlainText))
            {
                continue;
            }

            var atoms = new List<Atom>();
            foreach (var run in paragraph.Runs)
            {
                atoms.AddRange(run switch
                {
                    LinkRun link when TelegramHtml.IsWebUrl(link.Url) => [Link(link.Text, link.Url)],
                    TextRun text => Pieces(text.Text).Select(p => Styled(p, text.Style)),
                    _ => Pieces(run.Text).Select(p => Styled(p, TextStyle.Plain)),
                });
            }

            blocks.Add(atoms);
        }

        var footer = Footer(message);
        if (footer.Count > 0)
        {
            blocks.Add(footer);
        }

        if (message.Tone == MessageTone.Error && blocks.Count > 0)
        {
            blocks[0].Insert(0, Styled("⚠️ ", TextStyle.Plain));
        }

        return blocks;
    }

    private static List<Atom> Header(OutgoingMessage message)
    {
        var atoms = new List<Atom>();
        if (message.Tone == MessageTone.Breaking)
        {
            atoms.Add(Styled("🔴 BREAKING ", TextStyle.Bold));
        }

        var time = string.IsNullOrWhiteSpace(message.TimeLabel) ? null : message.TimeLabel.Trim();
        var title = string.IsNullOrWhiteSpace(message.Title) ? null : message.Title.Trim();
        var titleStyle = message.Tone == MessageTone.Retracted ? TextStyle.Bold | TextStyle.Strike : TextStyle.Bold;
        if (time is not null)
        {
            atoms.Add(Styled(title is null ? time : time + " — ", TextStyle.Bold));
        }

        if (title is not null)
        {
            atoms.AddRange(Pieces(title).Select(p => Styled(p, titleStyle)));
        }

        return atoms;
    }

    private static List<Atom> Footer(OutgoingMessage message)
    {
        var atoms = new List<Atom>();
        if (!string.IsNullOrWhiteSpace(message.Footer))
        {
            atoms.AddRange(Pieces(message.Footer.Trim()).Select(p => Styled(p, TextStyle.Italic)));
        }

        if (TelegramHtml.IsWebUrl(message.TitleUrl))
        {
            if (atoms.Count > 0)
            {
                atoms.Add(Styled(" · ", TextStyle.Plain));
            }

            atoms.Add(Link("Open entry", message.TitleUrl!));
        }

        return atoms;
    }

    private static Atom Link(string text, string url)
    {
        text = string.IsNullOrWhiteSpace(text) ? url : text;
        if (text.Length > MaxAtom / 2)
        {
            text = text[..(MaxAtom / 2)] + "…";
        }

        if (url.Length > MaxAtom / 2)
        {
            // A link longer than this cannot be shown whole in plain text; keep its text only.
            return Styled(text, TextStyle.Plain);
        }

        var html = "<a href=\"" + TelegramHtml.EscapeAttribute(url) + "\">" + TelegramHtml.Escape(text) + "</a>";
        var plain = string.Equals(text, url, StringComparison.Ordinal) ? url : text + " (" + url + ")";
        return new Atom(html, plain);
    }

    private static Atom Styled(string text, TextStyle style)
    {
        var (open, close) = Tags[(int)style & 0xF];
        return new Atom(open + TelegramHtml.Escape(text) + close, text);
    }

    /// <summary>Opening and closing tags for every combination of styles; code innermost, as Telegram allows nothing inside it.</summary>
    private static (string Open, string Close)[] BuildTags()
    {
        var tags = new (string, string)[16];
        for (var style = 0; style < 16; style++)
        {
            var open = new StringBuilder();
            var close = new StringBuilder();
            foreach (var (flag, tag) in new[] { (TextStyle.Bold, "b"), (TextStyle.Italic, "i"), (TextStyle.Strike, "s"), (TextStyle.Code, "code") })
            {
                if (((TextStyle)style).HasFlag(flag))
                {
                    open.Append('<').Append(tag).Append('>');
                    close.Insert(0, "</" + tag + ">");
                }
            }

            tags[style] = (open.ToString(), close.ToString());
        }

        return tags;
    }

    /// <summary>Cuts text after sentence ends and line breaks, then long sentences at spaces, then anything still too long.</summary>
    internal static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n'
                || (text[i] is '.' or '!' or '?' or '…' && i + 1 < text.Length && text[i + 1] == ' ');
            if (!end)
            {
                continue;
            }

            // Keep the following space with the sentence it ends.
            var stop = text[i] == '\n' ? i + 1 : i + 2;
            foreach (var piece in Bounded(text[start..stop]))
            {
                yield return piece;
            }

            start = stop;
            i = stop - 1;
        }

        if (start < text.Length)
        {
            foreach (var piece in Bounded(text[start..]))
            {
                yield return piece;
            }
        }
    }

    private static IEnumerable<string> Bounded(string sentence)
    {
        while (sentence.Length > MaxAtom)
        {
            var cut = sentence.LastIndexOf(' ', MaxAtom - 1);
            if (cut < MaxAtom / 2)
            {
                cut = MaxAtom;
                if (char.IsHighSurrogate(sentence[cut - 1]))
                {
                    cut--;
                }
            }
            else
            {
                cut++;
            }

            yield return sentence[..cut];
            sentence = sentence[cut..];
        }

        if (sentence.Length > 0)
        {
            yield return sentence;
        }
    }

    /// <summary>
    /// Fills parts greedily with whole paragraphs; a paragraph longer than a part is cut between its atoms.
    /// Lengths are counted on the plain rendering (never shorter than the visible HTML text) in UTF-16 units.
    /// </summary>
    private static List<RenderedPart> Pack(List<List<Atom>> blocks, int budget)
    {
        var parts = new List<RenderedPart>();
        var html = new StringBuilder();
        var plain = new StringBuilder();

        void Flush()
        {
            if (plain.Length > 0 || html.Length > 0)
            {
                parts.Add(new RenderedPart(html.ToString().TrimEnd(), plain.ToString().TrimEnd()));
                html.Clear();
                plain.Clear();
            }
        }

        void Separate()
        {
            if (plain.Length > 0)
            {
                html.Append("\n\n");
                plain.Append("\n\n");
            }
        }

        foreach (var block in blocks)
        {
            var length = block.Sum(a => a.Plain.Length);
            var separator = plain.Length > 0 ? 2 : 0;
            if (plain.Length + separator + length > budget && plain.Length > 0 && length <= budget)
            {
                Flush();
            }

            Separate();
            foreach (var atom in block)
            {
                if (plain.Length + atom.Plain.Length > budget && plain.Length > 0)
                {
                    Flush();
                }

                html.Append(atom.Html);
                plain.Append(atom.Plain);
            }
        }

        Flush();
        return parts;
    }

    private static List<RenderedPart> Number(List<RenderedPart> parts)
    {
        if (parts.Count <= 1)
        {
            return parts;
        }

        return parts
            .Select((part, i) =>
            {
                var label = string.Create(CultureInfo.InvariantCulture, $"({i + 1}/{parts.Count}) ");
                return new RenderedPart(label + part.Html, label + part.Plain);
            })
            .ToList();
    }
}
