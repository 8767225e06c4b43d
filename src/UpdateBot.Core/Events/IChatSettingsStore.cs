using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Events;

/// <summary>Where each chat's /home and /remind choices are kept.</summary>
public interface IChatSettingsStore
{
    /// <summary>The chat's settings, or <see cref="ChatEventSettings.Default"/> when it has none.</summary>
    Task<ChatEventSettings> GetAsync(ChatAddress chat, CancellationToken cancellationToken);

    Task SaveAsync(ChatAddress chat, ChatEventSettings settings, CancellationToken cancellationToken);

    /// <summary>Chats that asked for reminders.</summary>
    Task<IReadOnlyList<(ChatAddress Chat, ChatEventSettings Settings)>> GetRemindedAsync(CancellationToken cancellationToken);
}
