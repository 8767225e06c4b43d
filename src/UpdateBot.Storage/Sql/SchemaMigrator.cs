using System.Data.Common;

namespace UpdateBot.Storage.Sql;

/// <summary>Creates the schema and applies pending migrations at start, recording the version reached.</summary>
internal static class SchemaMigrator
{
    public static async Task<int> MigrateAsync(SqlDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await database.PrepareAsync(cancellationToken);
        var migrations = Schema.Migrations(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await database.LockForMigrationAsync(connection, transaction, cancellationToken);
        await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken);
        await using var read = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction);
        var current = (int)await read.ScalarLongAsync(cancellationToken);
        if (current > migrations.Count)
        {
            throw new InvalidOperationException(
                $"The database's schema version {current} is newer than this UpdateBot knows ({migrations.Count}); upgrade UpdateBot.");
        }

        for (var version = current + 1; version <= migrations.Count; version++)
        {
            foreach (var statement in migrations[version - 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await Execute(connection, transaction, statement, cancellationToken);
            }

            await using var record = connection.Command("INSERT INTO schema_version (version, applied_at) VALUES (@v, @t)", transaction)
                .With("@v", version).With("@t", UnixTime.From(time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return migrations.Count;
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
