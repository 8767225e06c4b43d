using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace UpdateBot.Storage.Sql;

internal sealed class SqliteDatabase : SqlDatabase
{
    private readonly string connectionString;

    public SqliteDatabase(string connectionString, TimeProvider time)
    {
        Time = time;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            // Writers wait for each other instead of failing with "database is locked".
            builder.DefaultTimeout = 30;
        }

        var file = builder.DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        this.connectionString = builder.ToString();
    }

    public override TimeProvider Time { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string LockClause => "";

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // WAL + NORMAL survives a killed process (not a power cut) and keeps commits cheap.
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
