using UpdateBot.Core.Chats;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>Read-only counts of the outbox: per platform for the status page and metrics, per chat for /status.</summary>
internal sealed class SqlQueueStats(SqlDatabase database) : IQueueStats, IDeliveryBacklog
{
    public async Task<IReadOnlyList<PlatformQueueStats>> GetAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, PlatformQueueStats>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var jobs = connection.Command(
            "SELECT platform, status, COUNT(*), MIN(created_at) FROM delivery_jobs GROUP BY platform, status"))
        {
            await using var reader = await jobs.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var platform = reader.GetString(0);
                var row = rows.GetValueOrDefault(platform) ?? new PlatformQueueStats(platform, 0, 0, 0);
                var count = reader.GetInt64(2);
                rows[platform] = reader.GetInt32(1) switch
                {
                    JobStatus.Pending => row with { Pending = count, OldestPending = UnixTime.To(reader.GetInt64(3)) },
                    JobStatus.Failed => row with { Failed = count },
                    _ => row,
                };
            }
        }

        await using (var sent = connection.Command("SELECT platform, COUNT(*) FROM delivered_messages GROUP BY platform"))
        {
            await using var reader = await sent.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var platform = reader.GetString(0);
                var row = rows.GetValueOrDefault(platform) ?? new PlatformQueueStats(platform, 0, 0, 0);
                rows[platform] = row with { Sent = reader.GetInt64(1) };
            }
        }

        return rows.Values.OrderBy(r => r.Platform, StringComparer.Ordinal).ToList();
    }

    public async Task<long> PendingForAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT COUNT(*) FROM delivery_jobs WHERE platform = @p AND chat_id = @c AND status = @s")
            .With("@p", chat.Platform).With("@c", chat.ChatId).With("@s", JobStatus.Pending);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
