using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;
using UpdateBot.Sources;
using UpdateBot.Sources.Watching;
using UpdateBot.Storage.Sql;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Sources;

/// <summary>
/// One bot instance's source watcher, composed as the host composes it (storage on the shared database, the sources
/// capability, its own connection pool and instance id), counting the polls it makes. <see cref="Dies"/> makes a stop
/// look like a kill: the lease is not given back.
/// </summary>
internal sealed class WatcherInstance : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private int polls;
    private bool stopped;

    private WatcherInstance(TestDatabase db, TimeProvider clock, string instanceId, SourceOptions source)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["UpdateBot:Storage:Provider"] = db.Options.Provider,
                ["UpdateBot:Storage:ConnectionString"] = db.Options.ConnectionString,
                ["UpdateBot:Fetch:Timeout"] = "00:00:05",
                ["UpdateBot:Delivery:InstanceId"] = instanceId,
                ["UpdateBot:SourceLeases:MinimumDuration"] = "00:00:01",
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton(clock);
        collection.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        collection.Configure<UpdateBotOptions>(o => o.Sources.Add(source));
        collection.AddUpdateBotStorage(configuration);
        collection.AddUpdateBotSources(configuration);

        var reader = collection.Single(d => d.ServiceType == typeof(ISourceReader));
        collection.Replace(ServiceDescriptor.Singleton<ISourceReader>(sp =>
            new CountingReader((ISourceReader)ActivatorUtilities.CreateInstance(sp, reader.ImplementationType!), this)));
        collection.Replace(ServiceDescriptor.Singleton<ISourceLeaseStore>(sp =>
            new MortalLeases(new SqlSourceLeaseStore(sp.GetRequiredService<SqlDatabase>(), clock), this)));
        services = collection.BuildServiceProvider();
        Watcher = services.GetServices<IHostedService>().OfType<SourceWatcher>().Single();
    }

    public LogCapture Logs { get; } = new();

    public SourceWatcher Watcher { get; }

    /// <summary>Reads of the source this instance made.</summary>
    public int Polls => Volatile.Read(ref polls);

    /// <summary>When set, stopping is dying: the lease stays in the table until it expires.</summary>
    public bool Dies { get; set; }

    public static WatcherInstance Create(TestDatabase db, TimeProvider clock, string instanceId, SourceOptions source) =>
        new(db, clock, instanceId, source);

    public Task StartAsync() => Watcher.StartAsync(CancellationToken.None);

    public async Task StopAsync()
    {
        stopped = true;
        await Watcher.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopped)
        {
            Dies = true;
            await StopAsync();
        }

        await services.DisposeAsync();
    }

    private sealed class CountingReader(ISourceReader inner, WatcherInstance owner) : ISourceReader
    {
        public Task<SourceReadResult> ReadAsync(SourceDefinition source, SourceState? state, CancellationToken ct)
        {
            Interlocked.Increment(ref owner.polls);
            return inner.ReadAsync(source, state, ct);
        }
    }

    private sealed class MortalLeases(ISourceLeaseStore inner, WatcherInstance owner) : ISourceLeaseStore
    {
        public Task<bool> TryAcquireSourceLeaseAsync(string sourceName, string holder, TimeSpan ttl, CancellationToken cancellationToken) =>
            inner.TryAcquireSourceLeaseAsync(sourceName, holder, ttl, cancellationToken);

        public Task ReleaseSourceLeaseAsync(string sourceName, string holder, CancellationToken cancellationToken) =>
            owner.Dies ? Task.CompletedTask : inner.ReleaseSourceLeaseAsync(sourceName, holder, cancellationToken);

        public Task<int> ReleaseStaleSourceLeasesAsync(string ownerPrefix, string holder, CancellationToken cancellationToken) =>
            inner.ReleaseStaleSourceLeasesAsync(ownerPrefix, holder, cancellationToken);
    }
}
