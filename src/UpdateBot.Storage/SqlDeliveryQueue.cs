using System.Data.Common;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>
/// The outbox in SQL. A claim is one UPDATE ... RETURNING over the head job of each due destination that has nothing
/// in flight; on PostgreSQL the candidate rows are taken FOR UPDATE SKIP LOCKED, so instances claiming at the same
/// moment never get the same job and never wait for each other.
/// </summary>
internal sealed class SqlDeliveryQueue(SqlDatabase database, TimeProvider time) : IDeliveryQueue
{

    private const string Returning = """
        RETURNING id, platform, chat_id, source_name, entry_id, change_kind, priority, content_hash, attempts,
            (SELECT COUNT(*) FROM delivery_jobs c WHERE c.platform = delivery_jobs.platform AND c.chat_id = delivery_jobs.chat_id AND c.status = 0)
        """;

    public async Task<IReadOnlyList<DeliveryJob>> ClaimAsync(string platform, string owner, int maxDestinations, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            UPDATE delivery_jobs SET lease_owner = @o, lease_until = @until
            WHERE id IN (
                SELECT j.id FROM delivery_jobs j
                WHERE j.platform = @p AND j.status = 0 AND j.not_before <= @now AND j.lease_until <= @now
                  AND j.id = (SELECT h.id FROM delivery_jobs h
                              WHERE h.platform = j.platform AND h.chat_id = j.chat_id AND h.status = 0
                              ORDER BY h.priority DESC, h.id LIMIT 1)
                  AND NOT EXISTS (SELECT 1 FROM delivery_jobs b
                                  WHERE b.platform = j.platform AND b.chat_id = j.chat_id AND b.status = 0 AND b.lease_until > @now)
                ORDER BY j.priority DESC, j.id
                LIMIT @n
                {database.LockClause})
            {Returning}
            """)
            .With("@o", owner).With("@until", UnixTime.From(now + lease)).With("@p", platform).With("@now", UnixTime.From(now))
            .With("@n", Math.Max(1, maxDestinations));
        return await ReadJobsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryJob>> ClaimBacklogAsync(ChatAddress chat, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            UPDATE delivery_jobs SET lease_owner = @o, lease_until = @until
            WHERE id IN (
                SELECT j.id FROM delivery_jobs j
                WHERE j.platform = @p AND j.chat_id = @c AND j.status = 0 AND (j.lease_until <= @now OR j.lease_owner = @o)
                {database.LockClause})
            {Returning}
            """)
            .With("@o", owner).With("@until", UnixTime.From(now + lease)).With("@p", chat.Platform).With("@c", chat.ChatId)
            .With("@now", UnixTime.From(now));
        return await ReadJobsAsync(command, cancellationToken);
    }

    public async Task CompleteAsync(DeliveryJob job, string owner, IReadOnlyList<string>? messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = connection.Command("DELETE FROM delivery_jobs WHERE id = @id AND lease_owner = @o", transaction)
            .With("@id", job.Id).With("@o", owner))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        string? sql = null;
        if (job.Change == ChangeKind.Removed)
        {
            sql = "DELETE FROM delivered_messages WHERE platform = @p AND chat_id = @c AND source_key = @s AND entry_id = @e";
        }
        else if (messageIds is { Count: > 0 })
        {
            sql = """
                INSERT INTO delivered_messages (platform, chat_id, source_key, entry_id, message_ids, content_hash, sent_at)
                VALUES (@p, @c, @s, @e, @ids, @h, @t)
                ON CONFLICT (platform, chat_id, source_key, entry_id)
                DO UPDATE SET message_ids = excluded.message_ids, content_hash = excluded.content_hash, sent_at = excluded.sent_at
                """;
        }

        if (sql is not null)
        {
            await using var record = connection.Command(sql, transaction)
                .With("@p", job.Chat.Platform).With("@c", job.Chat.ChatId).With("@s", SourceKey.Of(job.SourceName)).With("@e", job.EntryId)
                .With("@ids", StoredJson.Ids(messageIds ?? [])).With("@h", job.ContentHash).With("@t", UnixTime.From(time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompleteBatchAsync(IReadOnlyList<DeliveryJob> jobs, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var job in jobs)
        {
            await using var delete = connection.Command("DELETE FROM delivery_jobs WHERE id = @id AND lease_owner = @o", transaction)
                .With("@id", job.Id).With("@o", owner);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RetryAsync(long jobId, string owner, DateTimeOffset notBefore, string? error, CancellationToken cancellationToken)
    {
        // Only a failure counts as an attempt; a job handed back to wait for a rate limit does not.
        var sql = error is null
            ? "UPDATE delivery_jobs SET lease_owner = NULL, lease_until = 0, not_before = @nb WHERE id = @id AND lease_owner = @o"
            : "UPDATE delivery_jobs SET lease_owner = NULL, lease_until = 0, not_before = @nb, attempts = attempts + 1, last_error = @e WHERE id = @id AND lease_owner = @o";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql).With("@nb", UnixTime.From(notBefore)).With("@id", jobId).With("@o", owner);
        if (error is not null)
        {
            command.With("@e", error);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailAsync(long jobId, string owner, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"UPDATE delivery_jobs SET status = {JobStatus.Failed}, lease_owner = NULL, lease_until = 0, attempts = attempts + 1, last_error = @e WHERE id = @id AND lease_owner = @o")
            .With("@e", error).With("@id", jobId).With("@o", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE delivery_jobs SET lease_owner = NULL, lease_until = 0 WHERE lease_owner = @o").With("@o", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DeliveredMessages?> GetDeliveredAsync(ChatAddress chat, string sourceName, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT message_ids, content_hash FROM delivered_messages WHERE platform = @p AND chat_id = @c AND source_key = @s AND entry_id = @e")
            .With("@p", chat.Platform).With("@c", chat.ChatId).With("@s", SourceKey.Of(sourceName)).With("@e", entryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new DeliveredMessages(StoredJson.Ids(reader.GetString(0)), reader.GetString(1)) : null;
    }

    public async Task<DateTimeOffset?> NextDueAsync(string platform, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT MIN(CASE WHEN j.not_before > j.lease_until THEN j.not_before ELSE j.lease_until END) FROM delivery_jobs j
            WHERE j.platform = @p AND j.status = 0
              AND j.id = (SELECT h.id FROM delivery_jobs h WHERE h.platform = j.platform AND h.chat_id = j.chat_id AND h.status = 0
                          ORDER BY h.priority DESC, h.id LIMIT 1)
            """)
            .With("@p", platform);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : UnixTime.To(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<DeliveryCounts> CountAsync(string? platform, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = platform is null
            ? connection.Command("SELECT status, COUNT(*) FROM delivery_jobs GROUP BY status")
            : connection.Command("SELECT status, COUNT(*) FROM delivery_jobs WHERE platform = @p GROUP BY status").With("@p", platform);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long pending = 0, failed = 0, cancelled = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = reader.GetInt64(1);
            switch (reader.GetInt32(0))
            {
                case JobStatus.Pending: pending = count; break;
                case JobStatus.Failed: failed = count; break;
                case JobStatus.Cancelled: cancelled = count; break;
            }
        }

        return new DeliveryCounts(pending, failed, cancelled);
    }

    private static async Task<IReadOnlyList<DeliveryJob>> ReadJobsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<(int Priority, DeliveryJob Job)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var priority = reader.GetInt32(6);
            jobs.Add((priority, new DeliveryJob
            {
                Id = reader.GetInt64(0),
                Chat = new ChatAddress(reader.GetString(1), reader.GetString(2)),
                SourceName = reader.GetString(3),
                EntryId = reader.GetString(4),
                Change = (ChangeKind)reader.GetInt32(5),
                Breaking = priority > 0,
                ContentHash = reader.GetString(7),
                Attempts = reader.GetInt32(8),
                Backlog = (int)reader.GetInt64(9),
            }));
        }

        // RETURNING gives no order: restore delivery order (breaking first, then oldest).
        return jobs.OrderByDescending(j => j.Priority).ThenBy(j => j.Job.Id).Select(j => j.Job).ToList();
    }
}
