using UpdateBot.Sources.Parsing;

namespace UpdateBot.Sources.Tests;

/// <summary>The walk's text buffer hands out slices that stay valid while it grows, and collapses as a browser does.</summary>
public sealed class TextCollapserTests
{
    [Fact]
    public void Slices_handed_out_keep_their_text_while_the_buffer_moves_on()
    {
        var text = new TextCollapser();
        var slices = new List<(ReadOnlyMemory<char> Slice, string Expected)>();
        for (var i = 0; i < 3000; i++)
        {
            // Blocks of growing length, so the buffer has to move to new room many times, mid-block too.
            var words = string.Join(' ', Enumerable.Range(0, 5 + (i % 40)).Select(w => $"w{i}x{w}"));
            text.Append("  " + words.Replace(" ", "  \n ", StringComparison.Ordinal) + "\u00a0 ", pre: false);
            slices.Add((text.TakeSlice(), words + " "));
        }

        foreach (var (slice, expected) in slices)
        {
            Assert.Equal(expected, slice.ToString());
        }
    }

    [Fact]
    public void A_link_marked_across_a_move_of_the_buffer_keeps_its_own_text()
    {
        var text = new TextCollapser();
        text.Append(new string('a', 40_000), pre: false);
        text.TakeSlice();
        text.Append("before ", pre: false);
        text.Mark();
        text.Append(" the link " + new string('b', 40_000), pre: false);
        var link = text.EndMark();

        Assert.Equal("the link " + new string('b', 40_000), link);
        Assert.Equal("before the link " + new string('b', 40_000), text.TakeSlice().ToString());
    }

    [Theory]
    [InlineData("one two  three", "one two three")]
    [InlineData(" lead and trail ", "lead and trail")]
    [InlineData("a\nb\tc\u200bd", "a b c d")]
    [InlineData("x \u00a0 y", "x   y")]
    public void Whitespace_collapses_as_a_browser_shows_it(string input, string expected)
    {
        var text = new TextCollapser();
        text.Append(input, pre: false);

        Assert.Equal(expected, text.Take());
    }
}
