using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Subscriptions;

/// <summary>Whether an entry names a place near another: the "--near" filter of subscriptions.</summary>
public interface IEntryPlaces
{
    /// <summary>True when the entry names <paramref name="placeName"/> or a place within <paramref name="radiusKm"/> of it.</summary>
    bool IsNear(Entry entry, string placeName, double radiusKm);
}
