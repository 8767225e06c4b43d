using System.Text.Json.Nodes;
using UpdateBot.Core.Commands;
using UpdateBot.Discord.Interactions;

namespace UpdateBot.Discord.Tests;

public sealed class CommandRegistrarTests
{
    [Fact]
    public void Build_TypesOptionsPutsRequiredFirstAndGatesModeratorCommands()
    {
        var definitions = new[]
        {
            new CommandDefinition("Latest", "The newest entries")
            {
                Options =
                [
                    new CommandOption("count", "How many", OptionType.Integer) { Min = 1, Max = 20 },
                    new CommandOption("source", "Which", OptionType.Text) { Required = true, Choices = ["a", "b"] },
                    new CommandOption("radius", "Km", OptionType.Number) { Min = 0.5 },
                    new CommandOption("silent", "Quietly", OptionType.Boolean),
                    new CommandOption("near", "Place") { Autocomplete = true },
                ],
            },
            new CommandDefinition("breaking", "Post breaking news") { Audience = CommandAudience.Moderators },
            new CommandDefinition("subscribe", "Subscribe") { Audience = CommandAudience.ChatAdmins },
        };

        var body = CommandRegistrar.Build(definitions, "32");

        var latest = body[0]!.AsObject();
        Assert.Equal("latest", latest["name"]!.GetValue<string>());
        Assert.Null(latest["default_member_permissions"]);
        var options = latest["options"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal(["source", "count", "radius", "silent", "near"], options.Select(o => o["name"]!.GetValue<string>()));
        Assert.Equal([3, 4, 10, 5, 3], options.Select(o => o["type"]!.GetValue<int>()));
        Assert.True(options[0]["required"]!.GetValue<bool>());
        Assert.Equal(2, options[0]["choices"]!.AsArray().Count);
        Assert.Equal(1, options[1]["min_value"]!.GetValue<long>());
        Assert.Equal(20, options[1]["max_value"]!.GetValue<long>());
        Assert.Equal(0.5, options[2]["min_value"]!.GetValue<double>());
        Assert.True(options[4]["autocomplete"]!.GetValue<bool>());
        Assert.Null(options[0]["autocomplete"]);
        Assert.Equal("32", body[1]!["default_member_permissions"]!.GetValue<string>());
        Assert.Equal("16", body[2]!["default_member_permissions"]!.GetValue<string>());
    }

    [Fact]
    public void Build_KeepsDescriptionsWithinDiscordLimits()
    {
        var body = CommandRegistrar.Build([new CommandDefinition("x", new string('d', 300))], "32");

        Assert.InRange(body[0]!["description"]!.GetValue<string>().Length, 1, 100);
        Assert.IsType<JsonArray>(body);
    }
}
