using UpdateBot.Core.Commands;

namespace UpdateBot.Core.Tests;

public sealed class ArgumentParserTests
{
    private static readonly CommandDefinition Post = new("post", "Post a breaking entry")
    {
        Options =
        [
            new CommandOption("text", "What to post") { Required = true, Rest = true },
            new CommandOption("now", "Skip the preview", OptionType.Boolean) { Flag = true },
            new CommandOption("near", "Only near this place") { Flag = true },
        ],
    };

    private static readonly CommandDefinition Events = new("events", "Upcoming events")
    {
        Options =
        [
            new CommandOption("place", "Where"),
            new CommandOption("radius", "Kilometres", OptionType.Number) { Min = 1, Max = 500 },
        ],
    };

    [Fact]
    public void PositionalOptionsAreFilledInOrder()
    {
        var result = ArgumentParser.Parse(Events, "Leeds 10");

        Assert.True(result.Succeeded);
        Assert.Equal("Leeds", result.Arguments!.Text("place"));
        Assert.Equal(10, result.Arguments.Number("radius"));
    }

    [Fact]
    public void QuotedValuesKeepTheirSpaces()
    {
        var result = ArgumentParser.Parse(Events, "\"Newcastle upon Tyne\" 5");

        Assert.Equal("Newcastle upon Tyne", result.Arguments!.Text("place"));
    }

    [Fact]
    public void RestOfLineTakesFreeTextAndTrailingFlags()
    {
        var result = ArgumentParser.Parse(Post, "Demo moved to 8pm at the statue --near Leeds --now");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Demo moved to 8pm at the statue", result.Arguments!.Text("text"));
        Assert.Equal("Leeds", result.Arguments.Text("near"));
        Assert.True(result.Arguments.Flag("now"));
    }

    [Theory]
    [InlineData("Leeds 9999", "Radius must be between 1 and 500.")]
    [InlineData("Leeds many", "Radius must be a number, not 'many'.")]
    [InlineData("Leeds 5 extra", "Too many arguments.")]
    [InlineData("Leeds --colour red", "Unknown option --colour.")]
    [InlineData("Leeds NaN", "Radius must be a number, not 'NaN'.")]
    public void MistakesGetOneClearMessageWithUsage(string text, string expected)
    {
        var result = ArgumentParser.Parse(Events, text);

        Assert.False(result.Succeeded);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: /events [place] [radius]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredOptionIsNamed()
    {
        var result = ArgumentParser.Parse(Post, "");

        Assert.StartsWith("Missing text.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedOptionsFromAPlatformAreCheckedTheSameWay()
    {
        var ok = ArgumentParser.FromNamed(Events, new Dictionary<string, string> { ["place"] = "Leeds", ["radius"] = "12.5" });
        var bad = ArgumentParser.FromNamed(Events, new Dictionary<string, string> { ["radius"] = "0" });

        Assert.Equal(12.5, ok.Arguments!.Number("radius"));
        Assert.False(bad.Succeeded);
    }

    [Fact]
    public void AbsurdlyLongValuesAreRefused()
    {
        var result = ArgumentParser.Parse(Events, new string('x', 5000));

        Assert.False(result.Succeeded);
        Assert.Contains("too long", result.Error, StringComparison.Ordinal);
    }
}
