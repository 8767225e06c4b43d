using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// What chats were told, in memory: for a bot run without the storage project. Atomic within one process only, and
/// forgotten at a restart; the storage project's <see cref="IReminderLog"/> is shared and durable. Claims in flight
/// are kept, confirmed, given back and taken over after their lifetime just as there.
/// </summary>
internal sealed class InMemoryReminderLog : IReminderLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(ChatAddress Chat, string EventId), Row> rows = [];

    public Task<IReadOnlyDictionary<string, string>> ToldAsync(ChatAddress chat, DateTimeOffset abandonedBefore, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var told = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, row) in rows.Where(r => r.Key.Chat == chat))
            {
                if (row.Effective(abandonedBefore) is { } value)
                {
                    told[key.EventId] = value;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, string>>(told);
        }
    }

    public Task<bool> TryClaimAsync(
        ChatAddress chat, string eventId, string? expected, string told, DateTimeOffset keepUntil, ReminderClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (gate)
        {
            // Free to claim: nothing told yet; or settled at what is expected; or an abandoned claim from what is expected.
            var claimable = rows.TryGetValue((chat, eventId), out var row)
                ? row.Claim is null
                    ? expected is not null && row.Told == expected
                    : row.Abandoned(claim.AbandonedBefore) && row.Previous == expected
                : expected is null;
            if (!claimable)
            {
                return Task.FromResult(false);
            }

            rows[(chat, eventId)] = new Row(told, expected, claim, keepUntil);
            return Task.FromResult(true);
        }
    }

    public Task<bool> ConfirmAsync(ChatAddress chat, string eventId, string told, ReminderClaim claim, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!Holds(chat, eventId, told, claim, out var row))
            {
                return Task.FromResult(false);
            }

            rows[(chat, eventId)] = row with { Previous = null, Claim = null };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(ChatAddress chat, string eventId, string told, ReminderClaim claim, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Holds(chat, eventId, told, claim, out var row))
            {
                if (row.Previous is null)
                {
                    rows.Remove((chat, eventId));
                }
                else
                {
                    rows[(chat, eventId)] = row with { Told = row.Previous, Previous = null, Claim = null };
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

    /// <summary>Whether the row is still the claim as it was made (same holder, same time, same told).</summary>
    private bool Holds(ChatAddress chat, string eventId, string told, ReminderClaim claim, out Row row) =>
        rows.TryGetValue((chat, eventId), out row!)
        && row.Told == told && row.Claim is { } held && held.Owner == claim.Owner && held.At == claim.At;

    /// <summary>What the chat was told; while a claim is in flight, also what it was told before and the claim.</summary>
    private sealed record Row(string Told, string? Previous, ReminderClaim? Claim, DateTimeOffset KeepUntil)
    {
        public bool Abandoned(DateTimeOffset abandonedBefore) => Claim is { } claim && claim.At < abandonedBefore;

        public string? Effective(DateTimeOffset abandonedBefore) => Abandoned(abandonedBefore) ? Previous : Told;
    }
}
