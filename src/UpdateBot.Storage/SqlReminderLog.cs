using System.Data.Common;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>
/// One row per chat and event: what the chat was last told, and while a notice is in flight who claimed it when
/// (<c>claimed_by</c>, <c>claimed_at</c>) and what the chat was told before (<c>previous</c>); settled rows have
/// <c>claimed_by</c> null. A claim is one statement, atomic in both databases: an insert (or, over a first reminder
/// whose claim was abandoned, an update) that does nothing when the row is there and alive, or an update guarded by the
/// expected value (a compare-and-set). So of several instances racing for the same reminder, or for the same abandoned
/// claim, exactly one changes a row and sends. Confirming or giving back a claim is guarded by its holder and time, so
/// a holder that comes back after its claim was taken over changes nothing.
/// </summary>
internal sealed class SqlReminderLog(SqlDatabase database) : IReminderLog
{
    /// <summary>What a row says the chat was told: what it was told before an abandoned claim, else its <c>told</c>.</summary>
    private const string Effective = "CASE WHEN claimed_by IS NOT NULL AND claimed_at < @a THEN previous ELSE told END";

    private const string ClaimGuard = "platform = @p AND chat_id = @c AND event_id = @e AND told = @t AND claimed_by = @o AND claimed_at = @n";

    public async Task<IReadOnlyDictionary<string, string>> ToldAsync(ChatAddress chat, DateTimeOffset abandonedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT event_id, {Effective} FROM event_reminders WHERE platform = @p AND chat_id = @c")
            .With("@p", chat.Platform).With("@c", chat.ChatId).With("@a", UnixTime.From(abandonedBefore));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var told = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.NullableString(1) is { } value)
            {
                told[reader.GetString(0)] = value;
            }
        }

        return told;
    }

    public async Task<bool> TryClaimAsync(
        ChatAddress chat, string eventId, string? expected, string told, DateTimeOffset keepUntil, ReminderClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(expected is null
            ? """
              INSERT INTO event_reminders (platform, chat_id, event_id, told, keep_until, previous, claimed_by, claimed_at)
              VALUES (@p, @c, @e, @t, @k, NULL, @o, @n)
              ON CONFLICT (platform, chat_id, event_id) DO UPDATE
              SET told = excluded.told, keep_until = excluded.keep_until, previous = NULL,
                  claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at
              WHERE event_reminders.claimed_by IS NOT NULL AND event_reminders.claimed_at < @a AND event_reminders.previous IS NULL
              """
            : """
              UPDATE event_reminders SET told = @t, keep_until = @k, previous = @x, claimed_by = @o, claimed_at = @n
              WHERE platform = @p AND chat_id = @c AND event_id = @e
                AND ((claimed_by IS NULL AND told = @x) OR (claimed_by IS NOT NULL AND claimed_at < @a AND previous = @x))
              """);
        Key(command, chat, eventId, told, claim).With("@k", UnixTime.From(keepUntil)).With("@a", UnixTime.From(claim.AbandonedBefore));
        if (expected is not null)
        {
            command.With("@x", expected);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ConfirmAsync(ChatAddress chat, string eventId, string told, ReminderClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"UPDATE event_reminders SET previous = NULL, claimed_by = NULL, claimed_at = 0 WHERE {ClaimGuard}");
        Key(command, chat, eventId, told, claim);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseAsync(ChatAddress chat, string eventId, string told, ReminderClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenAsync(cancellationToken);

        // Each statement is guarded by the claim, so at most one of the two changes a row, and none once it was taken over.
        await using var delete = connection.Command($"DELETE FROM event_reminders WHERE {ClaimGuard} AND previous IS NULL");
        Key(delete, chat, eventId, told, claim);
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await using var restore = connection.Command(
                $"UPDATE event_reminders SET told = previous, previous = NULL, claimed_by = NULL, claimed_at = 0 WHERE {ClaimGuard} AND previous IS NOT NULL");
            Key(restore, chat, eventId, told, claim);
            await restore.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM event_reminders WHERE keep_until < @b").With("@b", UnixTime.From(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Key(DbCommand command, ChatAddress chat, string eventId, string told, ReminderClaim claim) =>
        command.With("@p", chat.Platform).With("@c", chat.ChatId).With("@e", eventId).With("@t", told)
            .With("@o", claim.Owner).With("@n", UnixTime.From(claim.At));
}
