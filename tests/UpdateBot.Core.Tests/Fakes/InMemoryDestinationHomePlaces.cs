using UpdateBot.Core.Chats;
using UpdateBot.Core.Moderation;

namespace UpdateBot.Core.Tests.Fakes;

/// <summary>Chats (on any platform) with their home place and whether they have an active subscription.</summary>
internal sealed class InMemoryDestinationHomePlaces : IDestinationHomePlaces
{
    public List<(ChatAddress Chat, string? HomePlace, bool Subscribed)> Chats { get; } = [];

    public Task<IReadOnlyList<HomePlaceCount>> CountAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HomePlaceCount>>(
        [
            .. Chats.Where(c => c.Subscribed && c.HomePlace is not null)
                .GroupBy(c => c.HomePlace!, StringComparer.Ordinal)
                .Select(g => new HomePlaceCount(g.Key, g.Count())),
        ]);
}
