using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Web.Calendar;
using UpdateBot.Web.Feeds;
using UpdateBot.Web.Health;
using UpdateBot.Web.Metrics;
using UpdateBot.Web.StatusPage;
using UpdateBot.Web.Telegram;
using UpdateBot.Web.WebSub;

namespace UpdateBot.Web.Hosting;

/// <summary>The routes. Handlers are resolved per request from the bot's own container (see <see cref="WebServer"/>).</summary>
internal static class WebEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", c => Get<StatusPageEndpoint>(c).HandleAsync(c));
        app.MapGet("/healthz", HealthEndpoints.LiveAsync);
        app.MapGet("/readyz", c => Get<HealthEndpoints>(c).ReadyAsync(c));
        app.MapGet("/metrics", c => Get<MetricsEndpoint>(c).HandleAsync(c));
        app.MapGet("/feed.atom", c => Get<FeedEndpoints>(c).AtomAsync(c));
        app.MapGet("/feed.json", c => Get<FeedEndpoints>(c).JsonAsync(c));
        app.MapGet("/events.ics", c => Get<CalendarEndpoint>(c).HandleAsync(c));
        app.MapPost("/telegram/webhook", c => Get<TelegramWebhookEndpoint>(c).HandleAsync(c));
        app.MapGet("/websub/{id}", c => Get<WebSubCallbackEndpoint>(c).VerifyAsync(c));
        app.MapPost("/websub/{id}", c => Get<WebSubCallbackEndpoint>(c).ReceiveAsync(c));
    }

    private static T Get<T>(HttpContext context)
        where T : notnull => context.RequestServices.GetRequiredService<T>();
}
