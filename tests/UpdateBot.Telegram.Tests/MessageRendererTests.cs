using UpdateBot.Core.Messages;
using UpdateBot.StandIns.Telegram;
using UpdateBot.Telegram.Rendering;

namespace UpdateBot.Telegram.Tests;

public sealed class MessageRendererTests
{
    [Fact]
    public void Every_text_is_escaped_and_hrefs_escape_quotes()
    {
        var message = new OutgoingMessage
        {
            Title = "<b>Title</b> & co",
            TimeLabel = "Tue 28 Jun 10:42",
            Body =
            [
                Paragraph.Of(new TextRun("1 < 2 && 3 > 2 <script>"), new LinkRun("a \"quoted\" <link>", "https://example.org/?a=1&b=\"x\"")),
            ],
            Footer = "Live & <kicking>",
            TitleUrl = "https://example.org/entry?x=1&y=2",
        };

        var part = Assert.Single(MessageRenderer.Render(message).Parts);

        Assert.Contains("1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;", part.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/?a=1&amp;b=&quot;x&quot;\">a \"quoted\" &lt;link&gt;</a>", part.Html, StringComparison.Ordinal);
        Assert.Contains("<b>Tue 28 Jun 10:42 — </b><b>&lt;b&gt;Title&lt;/b&gt; &amp; co</b>", part.Html, StringComparison.Ordinal);
        Assert.Contains("<i>Live &amp; &lt;kicking&gt;</i>", part.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/entry?x=1&amp;y=2\">Open entry</a>", part.Html, StringComparison.Ordinal);
        Assert.True(TelegramHtmlValidator.TryParse(part.Html, out var visible, out var error), error);
        Assert.Contains("<b>Title</b> & co", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_are_separated_by_a_blank_line_and_styles_nest_validly()
    {
        var message = new OutgoingMessage
        {
            Body =
            [
                Paragraph.Of("First", TextStyle.Bold | TextStyle.Code | TextStyle.Italic),
                Paragraph.Of("Second", TextStyle.Strike),
                Paragraph.Of("   "),
            ],
        };

        var part = Assert.Single(MessageRenderer.Render(message).Parts);

        Assert.Equal("<b><i><code>First</code></i></b>\n\n<s>Second</s>", part.Html);
        Assert.Equal("First\n\nSecond", part.Plain);
    }

    [Fact]
    public void A_message_over_4096_characters_is_split_at_paragraphs_into_numbered_valid_parts()
    {
        var paragraphs = Enumerable.Range(1, 30)
            .Select(i => Paragraph.Of(new TextRun($"Paragraph {i} <{i}> & "), new TextRun(new string('x', 300), TextStyle.Bold)))
            .ToList();
        var message = new OutgoingMessage { Title = "Long", Body = paragraphs };

        var parts = MessageRenderer.Render(message).Parts;

        Assert.Equal(3, parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.StartsWith($"({i + 1}/3) ", parts[i].Html, StringComparison.Ordinal);
            Assert.True(TelegramHtmlValidator.TryParse(parts[i].Html, out var visible, out var error), error);
            Assert.True(visible.Length <= 4096, $"part {i + 1} has {visible.Length} characters");
            Assert.True(parts[i].Plain.Length <= 4096);
        }

        // Whole paragraphs only: every part ends where a paragraph ends.
        Assert.All(parts, p => Assert.EndsWith(new string('x', 300) + "</b>", p.Html, StringComparison.Ordinal));
        var all = string.Concat(parts.Select(p => p.Plain));
        Assert.All(Enumerable.Range(1, 30), i => Assert.Contains($"Paragraph {i} <{i}> & ", all, StringComparison.Ordinal));
    }

    [Fact]
    public void One_huge_paragraph_is_split_between_sentences_never_inside_an_entity()
    {
        var sentence = "Crowds & police <near> the square. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 300));
        var message = new OutgoingMessage { Body = [Paragraph.Of(text, TextStyle.Italic)] };

        var parts = MessageRenderer.Render(message).Parts;

        Assert.Equal(3, parts.Count);
        foreach (var part in parts)
        {
            Assert.True(TelegramHtmlValidator.TryParse(part.Html, out var visible, out var error), error);
            Assert.True(visible.Length <= 4096);
            var body = visible[(visible.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            Assert.StartsWith("Crowds", body, StringComparison.Ordinal);
            Assert.EndsWith("square.", body.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_word_longer_than_a_part_is_cut_hard_but_still_valid()
    {
        var message = new OutgoingMessage { Body = [Paragraph.Of(new string('&', 9000), TextStyle.Bold)] };

        var parts = MessageRenderer.Render(message).Parts;

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(TelegramHtmlValidator.TryParse(p.Html, out var visible, out _) && visible.Length <= 4096));
        Assert.Equal(9000, parts.Sum(p => p.Plain.Count(c => c == '&')));
    }

    [Fact]
    public void An_image_with_a_short_text_becomes_a_photo_with_caption()
    {
        var message = new OutgoingMessage { Title = "Photo", Body = [Paragraph.Of("Short")], ImageUrl = "https://example.org/a.jpg" };

        var rendered = MessageRenderer.Render(message);

        Assert.Equal("https://example.org/a.jpg", rendered.PhotoUrl);
        Assert.NotNull(rendered.Caption);
        Assert.Empty(rendered.Parts);
    }

    [Fact]
    public void An_image_with_text_over_the_caption_limit_becomes_text_with_a_link_to_the_image()
    {
        var message = new OutgoingMessage { Body = [Paragraph.Of(new string('a', 1500))], ImageUrl = "https://example.org/a.jpg" };

        var rendered = MessageRenderer.Render(message);

        Assert.Null(rendered.PhotoUrl);
        var part = Assert.Single(rendered.Parts);
        Assert.Contains("<a href=\"https://example.org/a.jpg\">Image</a>", part.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Buttons_become_an_inline_keyboard_and_data_over_64_bytes_is_dropped()
    {
        var message = new OutgoingMessage
        {
            Body = [Paragraph.Of("x")],
            Buttons = [[new MessageButton("Older", "latest:5:5"), new MessageButton("Bad", new string('é', 40))]],
        };

        var keyboard = MessageRenderer.Render(message).Keyboard;

        Assert.NotNull(keyboard);
        var button = Assert.Single(Assert.Single(keyboard.InlineKeyboard));
        Assert.Equal("latest:5:5", button.CallbackData);
    }

    [Fact]
    public void An_empty_message_renders_to_nothing()
    {
        Assert.True(MessageRenderer.Render(new OutgoingMessage { Body = [Paragraph.Of(" ")] }).IsEmpty);
    }
}
