using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UpdateBot.Demo;

/// <summary>
/// A loopback web server that serves the demo live blog, revealing one more entry every few seconds.
/// It starts before the bot so the bot can be configured with its address.
/// </summary>
internal sealed class DemoFeedServer(TimeProvider time, TimeZoneInfo zone, TimeSpan revealEvery, int initiallyShown) : IAsyncDisposable
{
    private WebApplication? app;
    private DateTimeOffset started;

    public Uri? Url { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        started = time.GetUtcNow();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/live", (HttpContext context) => Results.Content(Page(), "text/html; charset=utf-8", Encoding.UTF8));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/live");
    }

    /// <summary>The entries visible now, each stamped with the moment it appeared (the first few at start).</summary>
    internal IReadOnlyList<(DemoEntry Entry, DateTimeOffset Time)> Shown(DateTimeOffset now)
    {
        var elapsed = now - started;
        var revealed = initiallyShown + (int)Math.Max(0, elapsed.Ticks / Math.Max(1, revealEvery.Ticks));
        var count = Math.Min(DemoScript.Entries.Count, revealed);
        var shown = new List<(DemoEntry, DateTimeOffset)>(count);
        for (var i = 0; i < count; i++)
        {
            // The opening entries are back-dated a few minutes so they read as a blog already under way.
            var at = i < initiallyShown
                ? started - TimeSpan.FromMinutes((initiallyShown - i) * 7)
                : started + (revealEvery * (i - initiallyShown + 1));
            shown.Add((DemoScript.Entries[i], at));
        }

        return shown;
    }

    private string Page() => DemoPage.Render(Shown(time.GetUtcNow()), zone, started);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
