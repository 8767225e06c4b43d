using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.StandIns;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class WebSubTests
{
    private const string Topic = "https://news.example.org/live/feed.atom";
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Live</title></feed>");

    [Fact]
    public async Task A_source_with_a_hub_is_subscribed_verified_and_pushed_content_reaches_the_sink()
    {
        await using var hub = await LoopbackHub.StartAsync();
        var sink = new FakePushedContentSink();
        await using var web = await StartAsync(sink);
        var subscriptions = web.Get<IWebSubSubscriptions>();

        subscriptions.Observe("live", Topic, hub.HubUrl.AbsoluteUri);
        var request = await Next(hub.Requests);
        Assert.Equal("subscribe", request["hub.mode"]);
        Assert.Equal(Topic, request["hub.topic"]);
        Assert.StartsWith(new Uri(web.BaseAddress, "/websub/").AbsoluteUri, request["hub.callback"], StringComparison.Ordinal);
        Assert.True(request["hub.secret"].Length is >= 32 and < 200);
        Assert.Equal("864000", request["hub.lease_seconds"]);

        var verification = await Next(hub.Verifications);
        Assert.True(verification.Confirmed, $"challenge not echoed: {verification.Status} '{verification.Body}'");
        Assert.True(subscriptions.IsActive("live"));

        Assert.Equal(HttpStatusCode.Accepted, await hub.PublishAsync(request["hub.callback"], Document));
        var pushed = await Next(sink.Received);
        Assert.Equal("live", pushed.SourceName);
        Assert.Equal(Topic, pushed.Topic);
        Assert.Equal("application/atom+xml", pushed.ContentType);
        Assert.Equal(Document, pushed.Body.ToArray());

        Assert.Equal(HttpStatusCode.Accepted, await hub.PublishAsync(request["hub.callback"], Document, method: "sha1"));
        Assert.Equal("live", (await Next(sink.Received)).SourceName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=00")]
    [InlineData("sha256=not-hex")]
    [InlineData("md5=0123456789abcdef0123456789abcdef")]
    [InlineData("garbage")]
    public async Task Content_with_a_missing_or_wrong_signature_is_acknowledged_but_ignored(string? signature)
    {
        await using var hub = await LoopbackHub.StartAsync();
        var sink = new FakePushedContentSink();
        await using var web = await StartAsync(sink);
        var callback = await SubscribeAsync(web, hub);

        using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new ByteArrayContent(Document) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature", signature);
        }

        using var response = await web.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(sink.Received.Reader.TryRead(out _));

        var forged = LoopbackHub.Sign("sha256", "not-the-secret", Document);
        Assert.Equal(HttpStatusCode.Accepted, await hub.PublishAsync(callback, Document, signature: forged));
        Assert.False(sink.Received.Reader.TryRead(out _));

        var metrics = PrometheusParser.Parse(await web.Client.GetStringAsync("/metrics"));
        Assert.Contains(metrics["updatebot_websub_pushes_total"].Samples, s => s.Labels["outcome"] == "bad-signature" && s.Value >= 2);
    }

    [Fact]
    public async Task Verification_is_refused_for_a_wrong_topic_an_unknown_callback_or_an_unrequested_mode()
    {
        await using var hub = await LoopbackHub.StartAsync();
        await using var web = await StartAsync(new FakePushedContentSink());
        var subscriptions = web.Get<IWebSubSubscriptions>();
        hub.RequestStatus = HttpStatusCode.InternalServerError; // the hub will not verify by itself
        subscriptions.Observe("live", Topic, hub.HubUrl.AbsoluteUri);
        var callback = (await Next(hub.Requests))["hub.callback"];

        var wrongTopic = await hub.VerifyAsync(callback, "subscribe", "https://evil.example/feed");
        Assert.Equal(HttpStatusCode.NotFound, wrongTopic.Status);
        Assert.NotEqual(wrongTopic.Challenge, wrongTopic.Body);

        var unknown = await hub.VerifyAsync(new Uri(web.BaseAddress, "/websub/0123456789abcdef").AbsoluteUri, "subscribe", Topic);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        var unsubscribe = await hub.VerifyAsync(callback, "unsubscribe", Topic);
        Assert.Equal(HttpStatusCode.NotFound, unsubscribe.Status);

        Assert.False(subscriptions.IsActive("live"));
    }

    [Fact]
    public async Task Content_for_an_unknown_callback_is_404_and_an_oversized_push_is_413()
    {
        await using var hub = await LoopbackHub.StartAsync();
        var sink = new FakePushedContentSink();
        await using var web = await StartAsync(sink, maxBody: 4096);
        var callback = await SubscribeAsync(web, hub);

        Assert.Equal(HttpStatusCode.NotFound, await hub.PublishAsync(new Uri(web.BaseAddress, "/websub/ffff").AbsoluteUri, Document));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await hub.PublishAsync(callback, new byte[10_000]));
        Assert.False(sink.Received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task When_the_feed_stops_advertising_the_hub_the_bot_unsubscribes()
    {
        await using var hub = await LoopbackHub.StartAsync();
        await using var web = await StartAsync(new FakePushedContentSink());
        var subscriptions = web.Get<IWebSubSubscriptions>();
        var callback = await SubscribeAsync(web, hub);

        subscriptions.Observe("live", Topic, hubUrl: null);
        Assert.False(subscriptions.IsActive("live"));
        var request = await Next(hub.Requests);
        Assert.Equal("unsubscribe", request["hub.mode"]);
        Assert.Equal(callback, request["hub.callback"]);
        Assert.False(request.ContainsKey("hub.secret"));
        var verification = await Next(hub.Verifications);
        Assert.True(verification.Confirmed);
        Assert.Empty(hub.Subscribers);
        Assert.Equal(HttpStatusCode.NotFound, await hub.PublishAsync(callback, Document, signature: "sha256=00"));
    }

    [Fact]
    public async Task A_refused_subscription_request_is_retried()
    {
        await using var hub = await LoopbackHub.StartAsync();
        await using var web = await StartAsync(new FakePushedContentSink());
        hub.RequestStatus = HttpStatusCode.ServiceUnavailable;
        web.Get<IWebSubSubscriptions>().Observe("live", Topic, hub.HubUrl.AbsoluteUri);
        var first = await Next(hub.Requests);

        hub.RequestStatus = HttpStatusCode.Accepted;
        var second = await Next(hub.Requests);
        Assert.Equal(first["hub.callback"], second["hub.callback"]);
        Assert.True((await Next(hub.Verifications)).Confirmed);
        Assert.True(web.Get<IWebSubSubscriptions>().IsActive("live"));
    }

    [Fact]
    public async Task Without_a_public_base_url_nothing_is_subscribed()
    {
        await using var hub = await LoopbackHub.StartAsync();
        await using var web = await WebHost.StartAsync(s => s.AddSingleton<IPushedContentSink>(new FakePushedContentSink()));
        var subscriptions = web.Get<IWebSubSubscriptions>();
        subscriptions.Observe("live", Topic, hub.HubUrl.AbsoluteUri);
        Assert.False(subscriptions.IsActive("live"));
        Assert.False(hub.Requests.Reader.TryRead(out _));
    }

    private static async Task<string> SubscribeAsync(WebHost web, LoopbackHub hub)
    {
        web.Get<IWebSubSubscriptions>().Observe("live", Topic, hub.HubUrl.AbsoluteUri);
        var callback = (await Next(hub.Requests))["hub.callback"];
        Assert.True((await Next(hub.Verifications)).Confirmed);
        return callback;
    }

    private static Task<WebHost> StartAsync(FakePushedContentSink sink, long maxBody = 1024 * 1024)
    {
        var port = WebHost.FreePort();
        return WebHost.StartAsync(
            s => s.AddSingleton<IPushedContentSink>(sink),
            new Dictionary<string, string?>
            {
                ["UpdateBot:Web:Urls"] = $"http://127.0.0.1:{port}",
                ["UpdateBot:Web:PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
                ["UpdateBot:Web:MaxRequestBodyBytes"] = maxBody.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["UpdateBot:Web:WebSub:RetryDelay"] = "00:00:00.200",
                ["UpdateBot:Web:WebSub:CheckInterval"] = "00:00:00.100",
            });
    }

    private static async Task<T> Next<T>(System.Threading.Channels.Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
