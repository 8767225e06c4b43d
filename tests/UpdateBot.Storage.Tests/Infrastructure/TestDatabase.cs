using UpdateBot.Core.Moderation;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>One fresh, empty database (a SQLite file, or a PostgreSQL schema) and the stores over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> cleanup;

    private TestDatabase(StorageOptions options, FakeTimeProvider time, Func<Task> cleanup)
    {
        Options = options;
        Time = time;
        this.cleanup = cleanup;
        Reopen();
    }

    public StorageOptions Options { get; }

    public FakeTimeProvider Time { get; }

    internal SqlDatabase Database { get; private set; } = null!;

    public IEntryStore Entries { get; private set; } = null!;

    public ITimelineWriter Timeline { get; private set; } = null!;

    public ISubscriptionStore Subscriptions { get; private set; } = null!;

    public ISourceStateStore States { get; private set; } = null!;

    public ISourceLeaseStore Leases { get; private set; } = null!;

    public IDeliveryQueue Queue { get; private set; } = null!;

    public IAuditLog Audit { get; private set; } = null!;

    internal SqlQueueStats Stats { get; private set; } = null!;

    public Core.Events.IChatSettingsStore ChatSettings { get; private set; } = null!;

    public Core.Events.IReminderLog Reminders { get; private set; } = null!;

    public static Task<TestDatabase> SqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "updatebot-tests", Guid.NewGuid().ToString("N"));
        var options = new StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(folder, "sub", "updatebot.db")};Pooling=False" };
        return Task.FromResult(new TestDatabase(options, NewTime(), () =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }

            return Task.CompletedTask;
        }));
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var baseConnection = PostgresEnvironment.RequireConnectionString();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema };
        var options = new StorageOptions { Provider = "PostgreSql", ConnectionString = builder.ToString() };
        return new TestDatabase(options, NewTime(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(baseConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    /// <summary>New store objects on the same database: what a restarted bot sees.</summary>
    public void Reopen()
    {
        Database = StorageServiceCollectionExtensions.CreateDatabase(Options, Time);
        Entries = new SqlEntryStore(Database);
        Timeline = new SqlTimelineWriter(Database, Time);
        Subscriptions = new SqlSubscriptionStore(Database);
        States = new SqlSourceStateStore(Database);
        Leases = new SqlSourceLeaseStore(Database, Time);
        Queue = new SqlDeliveryQueue(Database, Time);
        Audit = new SqlAuditLog(Database);
        Stats = new SqlQueueStats(Database);
        ChatSettings = new SqlChatSettingsStore(Database);
        Reminders = new SqlReminderLog(Database);
    }

    /// <summary>The stores of another process on this database (dispose it before this one).</summary>
    internal StoreInstance OtherInstance() => new(Options, Time);

    public async ValueTask DisposeAsync()
    {
        if (Database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await cleanup();
    }

    private static FakeTimeProvider NewTime() => new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
}
