using System.Text.Json.Nodes;
using UpdateBot.Core.Messages;
using UpdateBot.Discord.Messages;

namespace UpdateBot.Discord.Tests;

public sealed class MessageBuilderTests
{
    [Theory]
    [InlineData("*bold*", "\\*bold\\*")]
    [InlineData("_x_ ~y~ `z` |s| [a](b)", "\\_x\\_ \\~y\\~ \\`z\\` \\|s\\| \\[a\\]\\(b\\)")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("a-b > c # d", "a-b > c # d")]
    [InlineData("  - item\n+ x", "  \\- item\n\\+ x")]
    [InlineData("# head\n- item", "\\# head\n\\- item")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("costs 1.50", "costs 1.50")]
    public void Escape_MarkdownCharacters_AreBackslashed(string input, string expected) =>
        Assert.Equal(expected, DiscordMarkdown.Escape(input));

    [Theory]
    [InlineData("@everyone")]
    [InlineData("hi @here")]
    [InlineData("<@123456789012345678>")]
    [InlineData("<@&123456789012345678>")]
    public void Escape_Mentions_CannotPing(string input)
    {
        var escaped = DiscordMarkdown.Escape(input);
        Assert.DoesNotContain("@everyone", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", escaped, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<@", escaped);
        Assert.DoesNotMatch(@"@[0-9&!]", escaped);
        Assert.Contains("@\u200D", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBuiltBody_CarriesAllowedMentionsWithEmptyParse()
    {
        var messages = new[]
        {
            OutgoingMessage.Text("plain @everyone"),
            new OutgoingMessage { Title = "T", Body = [Paragraph.Of("x")], Tone = MessageTone.Entry },
            OutgoingMessage.Text(new string('a', 9000)),
            OutgoingMessage.Text("private") with { Private = true },
        };
        var bodies = messages.SelectMany(m => DiscordMessageBuilder.ForChannel(m, "job-1")
            .Concat(DiscordMessageBuilder.ForEdit(m))
            .Concat(DiscordMessageBuilder.ForInteraction(m))).ToList();

        Assert.True(bodies.Count > 8);
        Assert.All(bodies, b => Assert.Equal("{\"parse\":[]}", b["allowed_mentions"]!.ToJsonString()));
    }

    [Fact]
    public void Entry_BecomesAnEmbedWithTitleUrlTimestampImageAndFooter()
    {
        var message = new OutgoingMessage
        {
            Title = "Strike *update*",
            TitleUrl = "https://example.org/live#e1",
            Timestamp = new DateTimeOffset(2026, 6, 28, 9, 42, 0, TimeSpan.FromHours(1)),
            TimeLabel = "Sun 28 Jun 09:42",
            Body = [Paragraph.Of(new TextRun("Pickets at "), new LinkRun("the gate", "https://example.org/gate(1)"), new TextRun(" now", TextStyle.Bold))],
            ImageUrl = "https://example.org/a.jpg",
            Footer = "Example live",
            Tone = MessageTone.Entry,
        };

        var body = Assert.Single(DiscordMessageBuilder.ForChannel(message, "k"));
        var embed = body["embeds"]![0]!.AsObject();
        Assert.Equal("Strike \\*update\\*", embed["title"]!.GetValue<string>());
        Assert.Equal("https://example.org/live#e1", embed["url"]!.GetValue<string>());
        Assert.Equal("2026-06-28T08:42:00.000Z", embed["timestamp"]!.GetValue<string>());
        Assert.Equal("https://example.org/a.jpg", embed["image"]!["url"]!.GetValue<string>());
        Assert.Equal("Example live · Sun 28 Jun 09:42", embed["footer"]!["text"]!.GetValue<string>());
        Assert.Equal("Pickets at [the gate](https://example.org/gate%281%29) **now**", embed["description"]!.GetValue<string>());
    }

    [Fact]
    public void LongEntry_IsSplitIntoMessagesWithinEveryLimit()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => Paragraph.Of($"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("word_*", 60)))).ToList();
        var message = new OutgoingMessage { Title = new string('T', 400), Body = paragraphs, Footer = "Source", Tone = MessageTone.Entry };

        var bodies = DiscordMessageBuilder.ForChannel(message, "job");

        Assert.True(bodies.Count > 1);
        foreach (var body in bodies)
        {
            var embeds = body["embeds"]!.AsArray();
            Assert.InRange(embeds.Count, 1, 10);
            var total = embeds.Sum(e => (e!["title"]?.GetValue<string>().Length ?? 0) + (e["description"]?.GetValue<string>().Length ?? 0) + (e["footer"]?["text"]?.GetValue<string>().Length ?? 0));
            Assert.InRange(total, 1, 6000);
            Assert.All(embeds, e => Assert.InRange(e!["title"]!.GetValue<string>().Length, 1, 256));
            Assert.All(embeds, e => Assert.InRange(e!["description"]!.GetValue<string>().Length, 1, 4096));
        }

        // Nothing is lost: every paragraph appears once, in order.
        var text = string.Join("\n\n", bodies.Select(b => b["embeds"]![0]!["description"]!.GetValue<string>()));
        var positions = Enumerable.Range(0, 40).Select(i => text.IndexOf($"Paragraph {i}:", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public void LongPlainReply_IsSplitBelow2000Characters()
    {
        var bodies = DiscordMessageBuilder.ForInteraction(OutgoingMessage.Text(string.Join(' ', Enumerable.Repeat("@everyone", 900))) with { Private = true });

        Assert.True(bodies.Count >= 5);
        Assert.All(bodies, b => Assert.InRange(b["content"]!.GetValue<string>().Length, 1, 2000));
        Assert.All(bodies, b => Assert.Equal(64, b["flags"]!.GetValue<int>()));
        Assert.All(bodies, b => Assert.DoesNotContain("@everyone", b["content"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Nonce_IsStableAtMost25CharactersAndDiffersPerPart()
    {
        var first = DiscordMessageBuilder.Nonce("delivery:12345:discord:800000000000000001", 0);
        Assert.Equal(first, DiscordMessageBuilder.Nonce("delivery:12345:discord:800000000000000001", 0));
        Assert.NotEqual(first, DiscordMessageBuilder.Nonce("delivery:12345:discord:800000000000000001", 1));
        Assert.Equal(25, first.Length);

        var body = Assert.Single(DiscordMessageBuilder.ForChannel(OutgoingMessage.Text("x"), "job"));
        Assert.True(body["enforce_nonce"]!.GetValue<bool>());
        Assert.Equal(DiscordMessageBuilder.Nonce("job", 0), body["nonce"]!.GetValue<string>());
    }

    [Fact]
    public void Buttons_BecomeComponentsOnTheLastPart()
    {
        var message = OutgoingMessage.Text(new string('x', 3000)) with
        {
            Buttons = [[new MessageButton("Older »", "latest:5:5", ButtonStyle.Primary), new MessageButton("@everyone", "x")]],
        };

        var bodies = DiscordMessageBuilder.ForEdit(message);

        Assert.Null(bodies[0]["components"]);
        var row = bodies[^1]["components"]![0]!;
        Assert.Equal(1, row["type"]!.GetValue<int>());
        var buttons = row["components"]!.AsArray();
        Assert.Equal("latest:5:5", buttons[0]!["custom_id"]!.GetValue<string>());
        Assert.Equal(1, buttons[0]!["style"]!.GetValue<int>());
        Assert.DoesNotContain("@everyone", buttons[1]!["label"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsafeUrls_AreNotLinked()
    {
        var message = new OutgoingMessage { Title = "t", TitleUrl = "javascript:alert(1)", Body = [Paragraph.Of(new LinkRun("click", "javascript:alert(1)"))] };

        var embed = DiscordMessageBuilder.ForChannel(message, "k")[0]["embeds"]![0]!;

        Assert.Null(embed["url"]);
        Assert.Equal("click", embed["description"]!.GetValue<string>());
    }

    [Fact]
    public void Choices_AreAtMost25AndCannotPing()
    {
        var choices = DiscordMessageBuilder.Choices(Enumerable.Range(0, 40).Select(i => $"@everyone place {i}"));

        Assert.Equal(25, choices.Count);
        Assert.All(choices.OfType<JsonObject>(), c => Assert.DoesNotContain("@everyone", c["name"]!.GetValue<string>(), StringComparison.Ordinal));
    }
}
