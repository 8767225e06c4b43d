using System.Text;
using UpdateBot.Core.Messages;

namespace UpdateBot.ConsoleChat;

/// <summary>Renders a message as plain terminal text: links written out, control characters removed.</summary>
internal static class ConsoleRenderer
{
    public static string Render(OutgoingMessage message)
    {
        var text = new StringBuilder();
        var header = string.Join(" · ", new[] { message.TimeLabel, message.Tone == MessageTone.Breaking ? "BREAKING" : null, message.Footer }
            .Where(part => !string.IsNullOrEmpty(part)));
        if (message.Tone is MessageTone.Entry or MessageTone.Breaking or MessageTone.Retracted)
        {
            text.Append("── ").Append(Clean(header)).Append(" ──\n");
        }

        if (message.Title is { } title)
        {
            text.Append(Clean(title)).Append('\n');
        }

        foreach (var paragraph in message.Body)
        {
            foreach (var run in paragraph.Runs)
            {
                text.Append(run switch
                {
                    LinkRun link when link.Text == link.Url => Clean(link.Url),
                    LinkRun link => $"{Clean(link.Text)} <{Clean(link.Url)}>",
                    TextRun { Style: var style } plain when style.HasFlag(TextStyle.Strike) => "~" + Clean(plain.Text) + "~",
                    _ => Clean(run.Text),
                });
            }

            text.Append('\n');
        }

        if (message.TitleUrl is { } url)
        {
            text.Append("↗ ").Append(Clean(url)).Append('\n');
        }

        if (message.Tone is not (MessageTone.Entry or MessageTone.Breaking or MessageTone.Retracted) && message.Footer is { } footer)
        {
            text.Append(Clean(footer)).Append('\n');
        }

        var buttons = message.Buttons.SelectMany(row => row).Select(b => $"[{Clean(b.Label)}]").ToList();
        if (buttons.Count > 0)
        {
            text.Append(string.Join(' ', buttons)).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Strips terminal control sequences and other control characters that feed text could carry.</summary>
    internal static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
