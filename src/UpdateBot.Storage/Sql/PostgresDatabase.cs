using System.Data.Common;
using Npgsql;

namespace UpdateBot.Storage.Sql;

internal sealed class PostgresDatabase(string connectionString, TimeProvider time) : SqlDatabase, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override TimeProvider Time => time;

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string LockClause => "FOR UPDATE SKIP LOCKED";

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(7426001)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
