using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Delivery;

/// <summary>Three bot instances on one real PostgreSQL; one dies mid-fan-out without a word.</summary>
[RequiresPostgres]
public sealed class ScaleOutTests : IAsyncLifetime
{
    private const int Chats = 240;
    private TestDatabase db = null!;

    public async Task InitializeAsync() => db = await TestDatabase.PostgresAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    [StoreFact]
    public async Task Three_instances_deliver_everything_once_when_one_is_killed_mid_fan_out()
    {
        for (var i = 0; i < Chats; i++)
        {
            await db.Subscriptions.SubscribeAsync(new Subscription { Chat = new ChatAddress("discord", $"c{i}"), SourceName = "live" }, default);
        }

        var server = new NonceServer();
        using var dying = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var instances = Enumerable.Range(0, 3).Select(i => Instance($"instance-{i}", new ServerClient(server, i == 1 ? 25 : int.MaxValue, dying.Token))).ToList();
        var runs = instances.Select(d => Task.Run(() => d.RunAsync(stop.Token))).ToList();

        await db.Timeline.CommitAsync(new TimelineBatch("live", [new TimelineChange(ChangeKind.Added, new Entry
        {
            SourceName = "live",
            Id = "e1",
            Published = DateTimeOffset.UnixEpoch,
            Text = "Fan-out",
        }, true)], new Dictionary<string, int>()), default);

        // Done means every chat has its message and the queue is empty: the killed instance's last sends reached the
        // server, but their claims stay in the queue until the lease (3 s) lapses and a survivor settles them. Waiting
        // only for the messages stopped the test before that, with those claims still pending.
        // Generous guard only: the instances normally finish in a few seconds.
        for (var i = 0; i < 600 && (server.Distinct < Chats || (await db.Queue.CountAsync(null, default)).Pending > 0); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await dying.CancelAsync();
        await Task.WhenAll(runs);

        Assert.True(server.AcceptedByDying > 0, "the killed instance had sent part of the fan-out");
        Assert.Equal(Chats, server.Distinct); // nothing lost
        Assert.All(server.MessagesPerChat.Values, n => Assert.Equal(1, n)); // nothing twice
        Assert.Equal(0, (await db.Queue.CountAsync(null, default)).Pending);
        Assert.True(instances[0].Statistics.Sent > 0 && instances[2].Statistics.Sent > 0, "the survivors shared the work");
    }

    private PlatformDeliverer Instance(string id, IChatPlatform platform)
    {
        // Each instance has its own connection pool, as separate processes would.
        var database = StorageServiceCollectionExtensions.CreateDatabase(db.Options, TimeProvider.System);
        return new PlatformDeliverer(
            platform,
            new SqlDeliveryQueue(database, TimeProvider.System),
            new SqlEntryStore(database),
            new SqlSubscriptionStore(database),
            new FeedTimeZones(new FixedOptionsMonitor<UpdateBotOptions>(new UpdateBotOptions())),
            new DeliveryOptions { InstanceId = id, LeaseDuration = TimeSpan.FromSeconds(3), BatchSize = 10, IdlePollInterval = TimeSpan.FromMilliseconds(50) },
            TimeProvider.System,
            NullLogger.Instance);
    }

    /// <summary>Discord-like: a resent message with the same nonce is the same message.</summary>
    private sealed class NonceServer
    {
        private readonly ConcurrentDictionary<(string Chat, string Nonce), int> messages = new();
        private int acceptedByDying;

        public int Distinct => messages.Count;

        public int AcceptedByDying => Volatile.Read(ref acceptedByDying);

        public Dictionary<string, int> MessagesPerChat => messages.Keys.GroupBy(k => k.Chat).ToDictionary(g => g.Key, g => g.Count());

        public string Accept(ChatAddress chat, string nonce, bool dying)
        {
            if (dying)
            {
                Interlocked.Increment(ref acceptedByDying);
            }

            return messages.GetOrAdd((chat.ChatId, nonce), _ => messages.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// One instance's view of the server. After <c>sendsBeforeDeath</c> sends the instance "dies": its next request
    /// reaches the server, and the answer never comes back (as when the process is killed after writing the request).
    /// </summary>
    private sealed class ServerClient(NonceServer server, int sendsBeforeDeath, CancellationToken death) : IChatPlatform
    {
        private int sends;

        public string Name => "discord";

        public PlatformLimits Limits => PlatformLimits.Unlimited;

        public async Task<SendResult> SendAsync(ChatAddress chat, OutgoingMessage message, string idempotencyKey, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref sends);
            var id = server.Accept(chat, idempotencyKey, sendsBeforeDeath != int.MaxValue);
            if (n > sendsBeforeDeath)
            {
                await Task.Delay(Timeout.Infinite, death);
            }

            await Task.Delay(2, cancellationToken);
            return SendResult.Sent([id]);
        }

        public Task<SendResult> EditAsync(ChatAddress chat, IReadOnlyList<string> messageIds, OutgoingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(SendResult.Sent(messageIds));

        public Task<SendResult> DeleteAsync(ChatAddress chat, IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
            Task.FromResult(SendResult.Sent([]));
    }
}
