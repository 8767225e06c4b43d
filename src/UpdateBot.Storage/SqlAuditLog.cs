using UpdateBot.Core.Chats;
using UpdateBot.Core.Moderation;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>Moderator actions, appended and never changed.</summary>
internal sealed class SqlAuditLog(SqlDatabase database) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO audit_log (at, platform, user_id, user_name, action, target, detail) VALUES (@at, @p, @u, @n, @a, @t, @d)")
            .With("@at", UnixTime.From(record.At)).With("@p", record.User.Platform).With("@u", record.User.UserId)
            .With("@n", record.User.DisplayName).With("@a", record.Action).With("@t", record.Target).With("@d", record.Detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT at, platform, user_id, user_name, action, target, detail FROM audit_log ORDER BY id DESC LIMIT @c")
            .With("@c", Math.Clamp(count, 1, 1000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                UnixTime.To(reader.GetInt64(0)),
                new UserRef(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6)));
        }

        return records;
    }
}
