using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UpdateBot.Web.Metrics;

namespace UpdateBot.Web.Hosting;

/// <summary>
/// Runs the web endpoint inside the bot's generic host: a minimal Kestrel <see cref="WebApplication"/> of its own
/// (no configuration sources, no extra logging providers), whose requests are served from a scope of the bot's
/// container. Stopping waits for requests in flight until the host's shutdown timeout cancels the token.
/// </summary>
internal sealed class WebServer(
    IServiceProvider services,
    IOptions<WebOptions> options,
    ILoggerFactory loggerFactory,
    WebServerAddresses addresses,
    MeterCollector collector) : IHostedService, IAsyncDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger<WebServer>();
    private WebApplication? app;

    // The collector is a constructor dependency so that it listens before any other hosted service starts counting.
    public MeterCollector Collector => collector;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(WebServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.WebHost.UseUrls([.. WebOptionsValidator.ListenUrls(settings)]);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, InnerHostLifetime>();

        var web = builder.Build();
        web.Use(ServeFromBotContainer);
        WebEndpoints.Map(web);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            // A busy port (another bot, another program) must not stop the bot: the endpoint is an extra, the chats are not.
            Log.CannotListen(logger, string.Join(", ", WebOptionsValidator.ListenUrls(settings)), exception.Message);
            await web.DisposeAsync();
            return;
        }

        app = web;
        addresses.Set(web.Urls);
        Log.Listening(logger, string.Join(", ", web.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }

    private async Task ServeFromBotContainer(HttpContext context, RequestDelegate next)
    {
        await using var scope = services.CreateAsyncScope();
        var own = context.RequestServices;
        context.RequestServices = scope.ServiceProvider;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = own;
        }
    }
}
