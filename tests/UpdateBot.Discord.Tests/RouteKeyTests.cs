using UpdateBot.Discord.Rest;

namespace UpdateBot.Discord.Tests;

public sealed class RouteKeyTests
{
    [Fact]
    public void ChannelRoutes_ShareTheRouteButSplitByChannel()
    {
        var a = RouteKey.Of(HttpMethod.Post, "channels/111/messages");
        var b = RouteKey.Of(HttpMethod.Post, "channels/222/messages");

        Assert.Equal(a.Route, b.Route);
        Assert.Equal("111", a.Major);
        Assert.Equal("222", b.Major);
        Assert.False(a.Interaction);
    }

    [Fact]
    public void MessageIds_AreMinorParameters()
    {
        var a = RouteKey.Of(HttpMethod.Patch, "channels/111/messages/5");
        var b = RouteKey.Of(HttpMethod.Patch, "channels/111/messages/6");

        Assert.Equal(a, b);
        Assert.NotEqual(a.Route, RouteKey.Of(HttpMethod.Delete, "channels/111/messages/5").Route);
    }

    [Fact]
    public void InteractionAndWebhookRoutes_AreExemptFromTheGlobalLimit()
    {
        Assert.True(RouteKey.Of(HttpMethod.Post, "interactions/1/tok/callback").Interaction);
        Assert.True(RouteKey.Of(HttpMethod.Patch, "webhooks/1/tok/messages/@original").Interaction);
        Assert.DoesNotContain("tok", RouteKey.Of(HttpMethod.Post, "webhooks/1/tok").Route, StringComparison.Ordinal);
    }
}
