using System.Globalization;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Subscriptions;

/// <summary>
/// Applies a chat's structured filters to an entry: any keyword (whole words, any case) and, with --near, a place named
/// near the chosen one. A chat with any unfiltered subscription covering the source wants every entry.
/// </summary>
public sealed class SubscriptionMatcher(IEntryPlaces? places = null)
{
    public async Task<bool> WantsAsync(ISubscriptionStore subscriptions, ChatAddress chat, Entry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(entry);
        var relevant = (await subscriptions.GetForChatAsync(chat, cancellationToken)).Where(s => s.Covers(entry.SourceName)).ToList();

        // No subscription left (unsubscribed since the job was made) or an unfiltered one: send, as the job was planned.
        return relevant.Count == 0 || relevant.Any(s => Matches(s.Filter, entry));
    }

    public bool Matches(SubscriptionFilter filter, Entry entry)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(entry);
        if (filter.IsEmpty)
        {
            return true;
        }

        var text = entry.Title + "\n" + entry.Text;
        if (filter.Keywords.Count > 0 && !filter.Keywords.Any(k => ContainsWord(text, k)))
        {
            return false;
        }

        if (filter.NearPlace is { } place)
        {
            var radius = filter.RadiusKm ?? 25;
            return places?.IsNear(entry, place, radius) ?? ContainsWord(text, place);
        }

        return true;
    }

    internal static bool ContainsWord(string text, string word)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var from = 0;
        while (from < text.Length)
        {
            var at = compare.IndexOf(text, word, from, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
            if (at < 0)
            {
                return false;
            }

            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
