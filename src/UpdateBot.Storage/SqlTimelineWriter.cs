using System.Data.Common;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>
/// Commits a source's changes and their delivery jobs in one transaction. The fan-out is one INSERT ... SELECT over
/// the subscriptions, so 100,000 destinations never pass through memory. Re-adding an entry the store already holds
/// unchanged creates nothing: a restarted watcher cannot post an entry twice. A moderator's breaking entry goes to
/// every chat with an active subscription, whatever source it follows. A change's <see cref="DeliveryScope"/> narrows
/// that: to chats whose home place is in a list (a post "--near" a place), or to the chats the entry already reached
/// or is queued for (edits and withdrawals follow an entry only where it went).
/// </summary>
internal sealed class SqlTimelineWriter(SqlDatabase database, TimeProvider time) : ITimelineWriter
{
    /// <summary>At most this many home places in one INSERT (a chat has one home place, so the chunks never overlap).</summary>
    internal const int HomePlacesPerStatement = 500;

    private const string Insert = """
        INSERT INTO delivery_jobs (platform, chat_id, source_name, entry_id, change_kind, priority, content_hash, status, not_before, attempts, created_at)
        """;

    // Breaking entries from moderators go to every subscribed destination, whatever source it chose.
    private const string FanOut = Insert + """

        SELECT DISTINCT platform, chat_id, @name, @id, @change, @priority, @hash, 0, 0, 0, @now
        FROM subscriptions
        WHERE paused_reason IS NULL AND (source_key = '*' OR source_key = @key OR @everyone = 1)
        """;

    // Where the entry went: a delivered message, or a job still waiting (it will show the newest version when sent);
    // not chats the platform has since refused the bot (paused), as for every other fan-out.
    private static readonly string Reached = Insert + $"""

        SELECT platform, chat_id, @name, @id, @change, @priority, @hash, 0, 0, 0, @now
        FROM (SELECT platform, chat_id FROM delivered_messages WHERE source_key = @key AND entry_id = @id
              UNION
              SELECT platform, chat_id FROM delivery_jobs WHERE entry_id = @id AND LOWER(source_name) = @key AND status = {JobStatus.Pending}) reached
        WHERE NOT EXISTS (SELECT 1 FROM subscriptions s
                          WHERE s.platform = reached.platform AND s.chat_id = reached.chat_id AND s.paused_reason IS NOT NULL)
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
                await FanOutAsync(connection, transaction, change, kind, now, cancellationToken);
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

    private static async Task FanOutAsync(DbConnection connection, DbTransaction transaction, TimelineChange change, ChangeKind kind, long now, CancellationToken cancellationToken)
    {
        var scope = change.Scope;
        if (scope is { AlreadyReachedOnly: true })
        {
            await using var reached = Job(connection.Command(Reached, transaction), change.Entry, kind, now);
            await reached.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        if (scope?.HomePlaces is not { } homePlaces)
        {
            await using var fanOut = Job(connection.Command(FanOut, transaction), change.Entry, kind, now).With("@everyone", Everyone(change.Entry));
            await fanOut.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        // Only chats whose home place is one of the list; chats without one never match.
        foreach (var chunk in homePlaces.Chunk(HomePlacesPerStatement))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"@h{i}"));
            var sql = FanOut + $"""

                  AND EXISTS (SELECT 1 FROM chat_settings c
                              WHERE c.platform = subscriptions.platform AND c.chat_id = subscriptions.chat_id AND c.home_place IN ({names}))
                """;
            await using var near = Job(connection.Command(sql, transaction), change.Entry, kind, now).With("@everyone", Everyone(change.Entry));
            for (var i = 0; i < chunk.Length; i++)
            {
                near.With($"@h{i}", chunk[i]);
            }

            await near.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Job(DbCommand command, Entry entry, ChangeKind kind, long now) =>
        command.With("@name", entry.SourceName).With("@id", entry.Id).With("@change", (int)kind)
            .With("@priority", entry.Kind == EntryKind.Breaking ? 1 : 0).With("@hash", entry.ContentHash)
            .With("@now", now).With("@key", SourceKey.Of(entry.SourceName));

    private static int Everyone(Entry entry) => entry.Kind == EntryKind.Breaking ? 1 : 0;

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
