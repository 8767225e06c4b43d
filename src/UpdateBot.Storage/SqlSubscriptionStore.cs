using UpdateBot.Core.Chats;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

internal sealed class SqlSubscriptionStore(SqlDatabase database) : ISubscriptionStore
{
    public async Task<bool> SubscribeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.Command(
            """
            UPDATE subscriptions SET source_name = @name, filter = @filter, paused_reason = @paused
            WHERE platform = @p AND chat_id = @c AND source_key = @s
            """, transaction)
            .With("@name", subscription.SourceName).With("@filter", StoredJson.Filter(subscription.Filter)).With("@paused", subscription.PausedReason)
            .With("@p", subscription.Chat.Platform).With("@c", subscription.Chat.ChatId).With("@s", SourceKey.Of(subscription.SourceName));
        var isNew = await update.ExecuteNonQueryAsync(cancellationToken) == 0;
        if (isNew)
        {
            await using var insert = connection.Command(
                """
                INSERT INTO subscriptions (platform, chat_id, source_key, source_name, filter, created_at, paused_reason)
                VALUES (@p, @c, @s, @name, @filter, @created, @paused)
                """, transaction)
                .With("@p", subscription.Chat.Platform).With("@c", subscription.Chat.ChatId).With("@s", SourceKey.Of(subscription.SourceName))
                .With("@name", subscription.SourceName).With("@filter", StoredJson.Filter(subscription.Filter))
                .With("@created", UnixTime.From(subscription.CreatedAt)).With("@paused", subscription.PausedReason);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return isNew;
    }

    public async Task<int> UnsubscribeAsync(ChatAddress chat, string? sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = sourceName is null
            ? connection.Command("DELETE FROM subscriptions WHERE platform = @p AND chat_id = @c")
            : connection.Command("DELETE FROM subscriptions WHERE platform = @p AND chat_id = @c AND source_key = @s").With("@s", SourceKey.Of(sourceName));
        command.With("@p", chat.Platform).With("@c", chat.ChatId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> GetForChatAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT source_name, filter, created_at, paused_reason FROM subscriptions WHERE platform = @p AND chat_id = @c ORDER BY source_key")
            .With("@p", chat.Platform).With("@c", chat.ChatId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Subscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Subscription
            {
                Chat = chat,
                SourceName = reader.GetString(0),
                Filter = StoredJson.Filter(reader.NullableString(1)),
                CreatedAt = UnixTime.To(reader.GetInt64(2)),
                PausedReason = reader.NullableString(3),
            });
        }

        return list;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM subscriptions");
        return (int)await command.ScalarLongAsync(cancellationToken);
    }

    /// <summary>Pausing also cancels the chat's pending deliveries: a chat that blocked the bot is not retried forever.</summary>
    public async Task SetPausedAsync(ChatAddress chat, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var pause = connection.Command("UPDATE subscriptions SET paused_reason = @r WHERE platform = @p AND chat_id = @c", transaction)
            .With("@r", reason).With("@p", chat.Platform).With("@c", chat.ChatId);
        await pause.ExecuteNonQueryAsync(cancellationToken);
        if (reason is not null)
        {
            await using var cancel = connection.Command(
                $"UPDATE delivery_jobs SET status = {JobStatus.Cancelled}, last_error = @r, lease_owner = NULL, lease_until = 0 WHERE platform = @p AND chat_id = @c AND status = {JobStatus.Pending}",
                transaction).With("@r", reason).With("@p", chat.Platform).With("@c", chat.ChatId);
            await cancel.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string[] statements =
        [
            """
            INSERT INTO subscriptions (platform, chat_id, source_key, source_name, filter, created_at, paused_reason)
            SELECT @tp, @tc, source_key, source_name, filter, created_at, paused_reason FROM subscriptions WHERE platform = @fp AND chat_id = @fc
            ON CONFLICT (platform, chat_id, source_key) DO NOTHING
            """,
            "DELETE FROM subscriptions WHERE platform = @fp AND chat_id = @fc",
            $"UPDATE delivery_jobs SET platform = @tp, chat_id = @tc WHERE platform = @fp AND chat_id = @fc AND status = {JobStatus.Pending}",
        ];
        foreach (var sql in statements)
        {
            await using var command = connection.Command(sql, transaction)
                .With("@tp", to.Platform).With("@tc", to.ChatId).With("@fp", from.Platform).With("@fc", from.ChatId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
