using System.Collections.Concurrent;
using System.Security.Cryptography;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Moderation;

/// <summary>
/// Previews of breaking entries, kept in memory for ten minutes. A draft can be sent only by its author, once.
/// </summary>
public sealed class DraftBox(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Draft> drafts = new(StringComparer.Ordinal);

    public Draft Add(UserRef author, Entry entry, PostArea? area = null)
    {
        var now = time.GetUtcNow();
        foreach (var stale in drafts.Where(d => d.Value.Expires <= now).Select(d => d.Key).ToList())
        {
            drafts.TryRemove(stale, out _);
        }

        var draft = new Draft(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), author, entry, now + Lifetime) { Area = area };
        drafts[draft.Id] = draft;
        return draft;
    }

    /// <summary>Takes the draft out if it exists, has not expired and belongs to <paramref name="user"/>.</summary>
    public Draft? Take(string id, UserRef user)
    {
        if (!drafts.TryGetValue(id, out var draft) || draft.Author != user)
        {
            return null;
        }

        if (!drafts.TryRemove(id, out draft))
        {
            return null;
        }

        return draft.Expires > time.GetUtcNow() ? draft : null;
    }
}
