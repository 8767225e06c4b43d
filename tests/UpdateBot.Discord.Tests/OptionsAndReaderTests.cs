using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Chats;
using UpdateBot.Discord.Interactions;

namespace UpdateBot.Discord.Tests;

public sealed class OptionsAndReaderTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void WithoutAToken_DiscordRegistersNothing()
    {
        var services = new ServiceCollection().AddUpdateBotDiscord(Config([]));

        Assert.Empty(services);
    }

    [Theory]
    [InlineData("UpdateBot:Discord:Token", "Bot abc.def")]
    [InlineData("UpdateBot:Discord:GatewayUrl", "http://not-a-websocket")]
    [InlineData("UpdateBot:Discord:GuildIds:0", "my-guild")]
    [InlineData("UpdateBot:Discord:ShardIds:0", "3")]
    [InlineData("UpdateBot:Discord:ModeratorPermission", "MANAGE_GUILD")]
    public void BadSettings_FailValidationNamingTheKeyButNotTheToken(string key, string value)
    {
        var values = new Dictionary<string, string?> { ["UpdateBot:Discord:Token"] = "secret.token.value", [key] = value };
        using var provider = new ServiceCollection().AddLogging().AddUpdateBotDiscord(Config(values)).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("UpdateBot:Discord:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret.token.value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interaction_BecomesAnInboundWithNamedOptionsAndPermissions()
    {
        const string json = """
            {"id":"1","application_id":"2","type":2,"token":"t","guild_id":"3","channel_id":"4",
             "member":{"user":{"id":"5","username":"mason","global_name":"Mason"},"roles":["77"],"permissions":"1099511627792"},
             "data":{"id":"9","name":"events","type":1,"options":[
               {"name":"place","type":3,"value":"Leeds"},{"name":"radius","type":10,"value":12.5},
               {"name":"count","type":4,"value":3},{"name":"silent","type":5,"value":true}]}}
            """;
        using var document = JsonDocument.Parse(json);

        var inbound = InteractionReader.ToInbound(document.RootElement, new DiscordOptions(), new HashSet<string> { "77" });

        Assert.Equal(new ChatAddress("discord", "4"), inbound.Chat);
        Assert.Equal(new UserRef("discord", "5", "Mason"), inbound.User);
        Assert.Equal(ChatKind.Group, inbound.ChatKind);
        Assert.Equal("/events", inbound.Text);
        Assert.True(inbound.IsChatAdmin);
        Assert.True(inbound.HasModeratorRole);
        Assert.Equal("Leeds", inbound.Options!["place"]);
        Assert.Equal("12.5", inbound.Options["radius"]);
        Assert.Equal("3", inbound.Options["count"]);
        Assert.Equal("true", inbound.Options["silent"]);
    }

    [Fact]
    public void DirectMessage_ReadsTheUserAndIsPrivate()
    {
        using var document = JsonDocument.Parse("""{"id":"1","type":2,"channel_id":"4","user":{"id":"5","username":"x"},"data":{"name":"help"}}""");

        var inbound = InteractionReader.ToInbound(document.RootElement, new DiscordOptions(), new HashSet<string>());

        Assert.Equal(ChatKind.Private, inbound.ChatKind);
        Assert.Equal("5", inbound.User.UserId);
        Assert.False(inbound.IsChatAdmin);
        Assert.False(inbound.HasModeratorRole);
    }

    [Fact]
    public void Focused_FindsTheOptionBeingTyped()
    {
        using var document = JsonDocument.Parse("""{"name":"events","options":[{"name":"radius","type":10,"value":5},{"name":"place","type":3,"value":"Le","focused":true}]}""");

        var focused = InteractionReader.Focused(document.RootElement);

        Assert.Equal(("place", 3, "Le"), focused);
    }
}
