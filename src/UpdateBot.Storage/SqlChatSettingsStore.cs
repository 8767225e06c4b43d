using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>Each chat's /home place name and /remind choice. Never a person's coordinates.</summary>
internal sealed class SqlChatSettingsStore(SqlDatabase database) : IChatSettingsStore
{
    public async Task<ChatEventSettings> GetAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT home_place, remind FROM chat_settings WHERE platform = @p AND chat_id = @c")
            .With("@p", chat.Platform).With("@c", chat.ChatId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ChatEventSettings { HomePlace = reader.IsDBNull(0) ? null : reader.GetString(0), Remind = reader.GetInt32(1) == 1 }
            : ChatEventSettings.Default;
    }

    public async Task SaveAsync(ChatAddress chat, ChatEventSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            INSERT INTO chat_settings (platform, chat_id, home_place, remind) VALUES (@p, @c, @h, @r)
            ON CONFLICT (platform, chat_id) DO UPDATE SET home_place = excluded.home_place, remind = excluded.remind
            """)
            .With("@p", chat.Platform).With("@c", chat.ChatId).With("@h", settings.HomePlace).With("@r", settings.Remind ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(ChatAddress Chat, ChatEventSettings Settings)>> GetRemindedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT platform, chat_id, home_place FROM chat_settings WHERE remind = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chats = new List<(ChatAddress, ChatEventSettings)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chats.Add((
                new ChatAddress(reader.GetString(0), reader.GetString(1)),
                new ChatEventSettings { HomePlace = reader.IsDBNull(2) ? null : reader.GetString(2), Remind = true }));
        }

        return chats;
    }
}
