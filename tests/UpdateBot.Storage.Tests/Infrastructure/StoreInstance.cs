using UpdateBot.Core.Events;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>The stores of another bot process on the same database: its own database object and connections.</summary>
internal sealed class StoreInstance : IAsyncDisposable
{
    public StoreInstance(StorageOptions options, TimeProvider time)
    {
        Database = StorageServiceCollectionExtensions.CreateDatabase(options, time);
        Reminders = new SqlReminderLog(Database);
        ChatSettings = new SqlChatSettingsStore(Database);
    }

    public SqlDatabase Database { get; }

    public IReminderLog Reminders { get; }

    public IChatSettingsStore ChatSettings { get; }

    public ValueTask DisposeAsync() => Database is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
