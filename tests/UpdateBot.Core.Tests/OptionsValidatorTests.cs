using UpdateBot.Core.Configuration;

namespace UpdateBot.Core.Tests;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        var result = new UpdateBotOptionsValidator().Validate(null, new UpdateBotOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void EachMistakeNamesItsKey()
    {
        var options = new UpdateBotOptions { TimeZone = "Nowhere/Atlantis" };
        options.Sources.Add(new SourceOptions { Name = "a", Url = "ftp://example.org/feed", PollInterval = TimeSpan.FromMilliseconds(10) });
        options.Sources.Add(new SourceOptions { Name = "A", Url = "https://example.org/feed", TimeZone = "Bad/Zone" });

        var failures = new UpdateBotOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("UpdateBot:TimeZone 'Nowhere/Atlantis'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("UpdateBot:Sources:0:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("UpdateBot:Sources:0:PollInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("UpdateBot:Sources:1:Name 'A' is used by another source", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("UpdateBot:Sources:1:TimeZone", StringComparison.Ordinal));
    }
}
