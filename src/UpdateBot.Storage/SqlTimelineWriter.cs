using System.Data.Common;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>
/// Commits a source's changes and their delivery jobs in one transaction. The fan-out is one INSERT ... SELECT over
/// the subscriptions, so 100,000 destinations never pass through memory. Re-adding an entry the store already holds
/// unchanged creates nothing: a restarted watcher cannot post an entry twice. A moderator's breaking entry goes to
/// every chat with an active subscription, whatever source it follows.
/// </summary>
internal sealed class SqlTimelineWriter(SqlDatabase database, TimeProvider time) : ITimelineWriter
{
    // Breaking entries from moderators go to every subscribed destination, whatever source it chose.
    private const string FanOut = """
        INSERT INTO delivery_jobs (platform, chat_id, source_name, entry_id, change_kind, priority, content_hash, status, not_before, attempts, created_at)
        SELECT DISTINCT platform, chat_id, @name, @id, @change, @priority, @hash, 0, 0, 0, @now
        FROM subscriptions
        WHERE paused_reason IS NULL AND (source_key = '*' OR source_key = @key OR @everyone = 1)
        """;

    public async Task CommitAsync(TimelineBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = UnixTime.From(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Oldest first, so each chat receives a batch's entries in the order they were published.
        foreach (var change in batch.Changes.OrderBy(c => c.Entry.Published))
        {
            var effective = await ApplyAsync(connection, transaction, change, now, cancellationToken);
            if (effective is { } kind && change.Deliver)
            {
                var entry = change.Entry;
                await using var fanOut = connection.Command(FanOut, transaction)
                    .With("@name", entry.SourceName).With("@id", entry.Id).With("@change", (int)kind)
                    .With("@priority", entry.Kind == EntryKind.Breaking ? 1 : 0).With("@hash", entry.ContentHash)
                    .With("@now", now).With("@key", SourceKey.Of(entry.SourceName))
                    .With("@everyone", entry.Kind == EntryKind.Breaking ? 1 : 0);
                await fanOut.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var (id, misses) in batch.Misses)
        {
            await using var update = connection.Command("UPDATE entries SET misses = @m WHERE source_key = @s AND entry_id = @i", transaction)
                .With("@m", misses).With("@s", SourceKey.Of(batch.SourceName)).With("@i", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the change; returns what readers must be told, or null when nothing visible changed.</summary>
    private static async Task<ChangeKind?> ApplyAsync(DbConnection connection, DbTransaction transaction, TimelineChange change, long now, CancellationToken cancellationToken)
    {
        var entry = change.Entry;
        var key = SourceKey.Of(entry.SourceName);
        string? storedHash = null;
        var storedRemoved = false;
        await using (var read = connection.Command("SELECT content_hash, removed FROM entries WHERE source_key = @s AND entry_id = @i", transaction)
            .With("@s", key).With("@i", entry.Id))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                storedHash = reader.GetString(0);
                storedRemoved = reader.GetInt32(1) != 0;
            }
        }

        if (change.Kind == ChangeKind.Removed)
        {
            if (storedHash is null || storedRemoved)
            {
                return null;
            }

            await using var remove = connection.Command("UPDATE entries SET removed = 1 WHERE source_key = @s AND entry_id = @i", transaction)
                .With("@s", key).With("@i", entry.Id);
            await remove.ExecuteNonQueryAsync(cancellationToken);
            return ChangeKind.Removed;
        }

        var hash = entry.ContentHash;
        if (storedHash is not null && !storedRemoved && storedHash == hash)
        {
            return null;
        }

        var sql = storedHash is null
            ? $"""
              INSERT INTO entries ({SqlEntryStore.EntryColumns}, source_key, content_hash, misses, removed, first_seen)
              VALUES (@name, @id, @published, @updated, @title, @body, @url, @kind, @author, @links, @media, @s, @hash, 0, 0, @now)
              """
            : """
              UPDATE entries SET source_name = @name, published = @published, updated = @updated, title = @title, body = @body,
                  url = @url, kind = @kind, author = @author, links = @links, media = @media, content_hash = @hash, misses = 0, removed = 0
              WHERE source_key = @s AND entry_id = @id
              """;
        await using var write = connection.Command(sql, transaction)
            .With("@name", entry.SourceName).With("@id", entry.Id).With("@published", UnixTime.From(entry.Published))
            .With("@updated", UnixTime.From(entry.Updated)).With("@title", entry.Title).With("@body", entry.Text).With("@url", entry.Url)
            .With("@kind", (int)entry.Kind).With("@author", entry.Author).With("@links", StoredJson.Links(entry.Links))
            .With("@media", StoredJson.Media(entry.Media)).With("@s", key).With("@hash", hash).With("@now", now);
        await write.ExecuteNonQueryAsync(cancellationToken);
        return storedHash is null || storedRemoved ? ChangeKind.Added : ChangeKind.Updated;
    }
}
