using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Operations;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class DeliveryQueueStatsTests
{
    [Fact]
    public async Task Queue_figures_come_from_the_delivery_queue_and_sent_counts_from_the_metrics()
    {
        var queue = new FakeDeliveryQueue();
        queue.Counts["telegram"] = new DeliveryCounts(Pending: 4, Failed: 1, Cancelled: 2);
        queue.Counts["discord"] = new DeliveryCounts(Pending: 0, Failed: 0, Cancelled: 0);
        await using var web = await WebHost.StartAsync(services =>
        {
            services.AddSingleton<IDeliveryQueue>(queue);
            services.AddSingleton<IChatPlatform>(new NamedChatPlatform("telegram"));
            services.AddSingleton<IChatPlatform>(new NamedChatPlatform("discord"));
        });
        web.Get<UpdateBotMetrics>().DeliverySent("telegram");
        web.Get<UpdateBotMetrics>().DeliverySent("telegram");

        var rows = await web.Get<IQueueStats>().GetAsync(CancellationToken.None);
        Assert.Equal(
            [new PlatformQueueStats("discord", 0, 0, 0, 0), new PlatformQueueStats("telegram", 4, 2, 1, 2)],
            rows);

        var metrics = PrometheusParser.Parse(await web.Client.GetStringAsync("/metrics"));
        Assert.Equal(4, metrics["updatebot_delivery_queue_depth"].Samples.Single().Value);
        Assert.Equal(2, metrics["updatebot_deliveries_stored_cancelled"].Samples.Single(s => s.Labels["platform"] == "telegram").Value);

        var page = await web.Client.GetStringAsync("/");
        Assert.Contains("<td>telegram</td><td>4</td><td>2</td><td>1</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_delivery_queue_the_page_says_nothing_was_delivered()
    {
        await using var web = await WebHost.StartAsync();
        Assert.Empty(await web.Get<IQueueStats>().GetAsync(CancellationToken.None));
        Assert.Contains("Nothing delivered yet.", await web.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
