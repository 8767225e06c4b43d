using System.Collections.Concurrent;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Hosting;

/// <summary>Chat settings in memory, until the storage project provides a persistent <see cref="IChatSettingsStore"/>.</summary>
internal sealed class InMemoryChatSettingsStore : IChatSettingsStore
{
    private readonly ConcurrentDictionary<ChatAddress, ChatEventSettings> settings = new();

    public Task<ChatEventSettings> GetAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        Task.FromResult(settings.TryGetValue(chat, out var s) ? s : ChatEventSettings.Default);

    public Task SaveAsync(ChatAddress chat, ChatEventSettings settings, CancellationToken cancellationToken)
    {
        this.settings[chat] = settings;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(ChatAddress Chat, ChatEventSettings Settings)>> GetRemindedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(ChatAddress, ChatEventSettings)>>([.. settings.Where(p => p.Value.Remind).Select(p => (p.Key, p.Value))]);
}
