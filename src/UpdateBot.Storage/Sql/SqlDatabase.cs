using System.Data.Common;

namespace UpdateBot.Storage.Sql;

/// <summary>A database the stores talk to, and the few places where SQLite and PostgreSQL SQL differ.</summary>
internal abstract class SqlDatabase
{
    public abstract StorageProvider Provider { get; }

    /// <summary>DDL of an auto-numbered 64-bit primary key column.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>Appended to the row selection of a claim: PostgreSQL locks and skips rows other instances hold.</summary>
    public abstract string LockClause { get; }

    private readonly SemaphoreSlim migrationGate = new(1, 1);
    private volatile bool migrated;

    /// <summary>Opens a connection to a database whose schema is up to date (migrated on first use).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Creates or upgrades the schema once per process; safe to call again.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!migrated)
            {
                await SchemaMigrator.MigrateAsync(this, Time, cancellationToken);
                migrated = true;
            }
        }
        finally
        {
            migrationGate.Release();
        }
    }

    public abstract TimeProvider Time { get; }

    /// <summary>Opens a plain connection, without checking the schema.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs once per schema migration, inside its transaction: serialises concurrent starts.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Set-up done once at start, before migrations (SQLite's WAL journal).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
