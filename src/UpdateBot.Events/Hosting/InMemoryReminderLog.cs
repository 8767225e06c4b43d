using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// What chats were told, in memory: for a bot run without the storage project. Atomic within one process only, and
/// forgotten at a restart; the storage project's <see cref="IReminderLog"/> is shared and durable.
/// </summary>
internal sealed class InMemoryReminderLog : IReminderLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(ChatAddress Chat, string EventId), (string Told, DateTimeOffset KeepUntil)> rows = [];

    public Task<IReadOnlyDictionary<string, string>> ToldAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(
                rows.Where(r => r.Key.Chat == chat).ToDictionary(r => r.Key.EventId, r => r.Value.Told, StringComparer.Ordinal));
        }
    }

    public Task<bool> TryClaimAsync(ChatAddress chat, string eventId, string? expected, string told, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var found = rows.TryGetValue((chat, eventId), out var row);
            if (found ? row.Told != expected : expected is not null)
            {
                return Task.FromResult(false);
            }

            rows[(chat, eventId)] = (told, keepUntil);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(ChatAddress chat, string eventId, string told, string? previous, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (rows.TryGetValue((chat, eventId), out var row) && row.Told == told)
            {
                if (previous is null)
                {
                    rows.Remove((chat, eventId));
                }
                else
                {
                    rows[(chat, eventId)] = (previous, row.KeepUntil);
                }
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var old = rows.Where(r => r.Value.KeepUntil < before).Select(r => r.Key).ToList();
            old.ForEach(k => rows.Remove(k));
            return Task.FromResult(old.Count);
        }
    }
}
