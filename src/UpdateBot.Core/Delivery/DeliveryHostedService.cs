using Microsoft.Extensions.Hosting;

namespace UpdateBot.Core.Delivery;

/// <summary>Runs the delivery engine for the host's lifetime.</summary>
internal sealed class DeliveryHostedService(DeliveryEngine engine) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => engine.RunAsync(stoppingToken);
}
