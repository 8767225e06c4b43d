using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>One row per source: taken when free, expired, or already ours (renewal); atomic in both databases.</summary>
internal sealed class SqlSourceLeaseStore(SqlDatabase database, TimeProvider time) : ISourceLeaseStore
{
    public async Task<bool> TryAcquireSourceLeaseAsync(string sourceName, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            INSERT INTO source_leases (source_key, owner, expires_at) VALUES (@s, @o, @e)
            ON CONFLICT (source_key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE source_leases.owner = excluded.owner OR source_leases.expires_at <= @now
            """)
            .With("@s", SourceKey.Of(sourceName)).With("@o", owner).With("@e", UnixTime.From(now + ttl)).With("@now", UnixTime.From(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task ReleaseSourceLeaseAsync(string sourceName, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM source_leases WHERE source_key = @s AND owner = @o")
            .With("@s", SourceKey.Of(sourceName)).With("@o", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ReleaseStaleSourceLeasesAsync(string ownerPrefix, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerPrefix);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM source_leases WHERE SUBSTR(owner, 1, @n) = @p AND owner <> @o")
            .With("@n", ownerPrefix.Length).With("@p", ownerPrefix).With("@o", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
