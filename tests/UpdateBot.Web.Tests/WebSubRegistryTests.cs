using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UpdateBot.Web.WebSub;

namespace UpdateBot.Web.Tests;

public sealed class WebSubRegistryTests
{
    private const string Topic = "https://news.example.org/feed";
    private const string Hub = "https://hub.example.net/";

    private static (WebSubRegistry Registry, FakeTimeProvider Time) Create()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 28, 10, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new WebOptions { PublicBaseUrl = "https://bot.example.org" });
        return (new WebSubRegistry(options, time), time);
    }

    [Fact]
    public void A_lease_is_renewed_when_most_of_it_has_passed_and_push_ends_with_the_lease()
    {
        var (registry, time) = Create();
        registry.Observe("live", Topic, Hub);
        var subscribe = Assert.Single(registry.TakeDue());
        Assert.Empty(registry.TakeDue());
        Assert.True(registry.Verify(subscribe.Subscription.CallbackId, "subscribe", Topic, 1000, out _, out _));
        Assert.True(registry.IsActive("live"));

        time.Advance(TimeSpan.FromSeconds(700));
        Assert.Empty(registry.TakeDue());
        time.Advance(TimeSpan.FromSeconds(150));
        var renewal = Assert.Single(registry.TakeDue());
        Assert.Equal("subscribe", renewal.Mode);
        Assert.Same(subscribe.Subscription, renewal.Subscription);
        Assert.True(registry.IsActive("live"));

        time.Advance(TimeSpan.FromSeconds(200));
        Assert.False(registry.IsActive("live"));
        Assert.Null(registry.FindTarget(subscribe.Subscription.CallbackId));
    }

    [Fact]
    public void An_unanswered_request_is_sent_again_after_the_verify_timeout()
    {
        var (registry, time) = Create();
        registry.Observe("live", Topic, Hub);
        Assert.Single(registry.TakeDue());
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(registry.TakeDue());
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(registry.TakeDue());
    }

    [Fact]
    public void Failures_back_off_exponentially_up_to_an_hour()
    {
        var (registry, _) = Create();
        registry.Observe("live", Topic, Hub);
        var s = Assert.Single(registry.TakeDue()).Subscription;
        Assert.Equal(TimeSpan.FromSeconds(30), registry.RequestFailed(s, "HTTP 503"));
        Assert.Equal(TimeSpan.FromSeconds(60), registry.RequestFailed(s, "HTTP 503"));
        Assert.Equal(TimeSpan.FromSeconds(120), registry.RequestFailed(s, "HTTP 503"));
        for (var i = 0; i < 10; i++)
        {
            registry.RequestFailed(s, "HTTP 503");
        }

        Assert.Equal(TimeSpan.FromHours(1), registry.RequestFailed(s, "HTTP 503"));
    }

    [Fact]
    public void A_denied_subscription_stops_push_and_is_asked_again_later()
    {
        var (registry, time) = Create();
        registry.Observe("live", Topic, Hub);
        var s = Assert.Single(registry.TakeDue()).Subscription;
        Assert.True(registry.Verify(s.CallbackId, "subscribe", Topic, 86400, out _, out _));
        Assert.True(registry.Deny(s.CallbackId, Topic, out var source));
        Assert.Equal("live", source);
        Assert.False(registry.IsActive("live"));
        Assert.Empty(registry.TakeDue());
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Single(registry.TakeDue());
    }

    [Fact]
    public void Observing_the_same_hub_again_changes_nothing_and_bad_urls_are_ignored()
    {
        var (registry, _) = Create();
        registry.Observe("live", Topic, Hub);
        var first = Assert.Single(registry.TakeDue()).Subscription;
        registry.Observe("live", Topic, Hub);
        Assert.Empty(registry.TakeDue());
        registry.Observe("other", "not a url", Hub);
        registry.Observe("third", Topic, "javascript:alert(1)");
        Assert.Empty(registry.TakeDue());
        Assert.True(registry.Verify(first.CallbackId, "subscribe", Topic, null, out _, out _));
    }
}
