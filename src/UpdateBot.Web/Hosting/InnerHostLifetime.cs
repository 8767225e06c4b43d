using Microsoft.Extensions.Hosting;

namespace UpdateBot.Web.Hosting;

/// <summary>
/// The web application's own lifetime: it does not listen to SIGTERM or Ctrl+C (the bot's host does, and stops the
/// web endpoint in its turn), and it writes no "Application started" lines of its own.
/// </summary>
internal sealed class InnerHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
