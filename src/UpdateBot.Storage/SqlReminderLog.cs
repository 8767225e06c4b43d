using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>
/// One row per chat and event: what the chat was last told. A claim is one statement, atomic in both databases: an
/// insert that does nothing when the row exists, or an update guarded by the expected value (a compare-and-set), so
/// of several instances racing for the same reminder exactly one changes a row and sends.
/// </summary>
internal sealed class SqlReminderLog(SqlDatabase database) : IReminderLog
{
    public async Task<IReadOnlyDictionary<string, string>> ToldAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT event_id, told FROM event_reminders WHERE platform = @p AND chat_id = @c")
            .With("@p", chat.Platform).With("@c", chat.ChatId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var told = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            told[reader.GetString(0)] = reader.GetString(1);
        }

        return told;
    }

    public async Task<bool> TryClaimAsync(ChatAddress chat, string eventId, string? expected, string told, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(expected is null
            ? """
              INSERT INTO event_reminders (platform, chat_id, event_id, told, keep_until) VALUES (@p, @c, @e, @t, @k)
              ON CONFLICT (platform, chat_id, event_id) DO NOTHING
              """
            : """
              UPDATE event_reminders SET told = @t, keep_until = @k
              WHERE platform = @p AND chat_id = @c AND event_id = @e AND told = @x
              """)
            .With("@p", chat.Platform).With("@c", chat.ChatId).With("@e", eventId).With("@t", told)
            .With("@k", UnixTime.From(keepUntil));
        if (expected is not null)
        {
            command.With("@x", expected);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseAsync(ChatAddress chat, string eventId, string told, string? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(previous is null
            ? "DELETE FROM event_reminders WHERE platform = @p AND chat_id = @c AND event_id = @e AND told = @t"
            : "UPDATE event_reminders SET told = @x WHERE platform = @p AND chat_id = @c AND event_id = @e AND told = @t")
            .With("@p", chat.Platform).With("@c", chat.ChatId).With("@e", eventId).With("@t", told);
        if (previous is not null)
        {
            command.With("@x", previous);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM event_reminders WHERE keep_until < @b").With("@b", UnixTime.From(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
