namespace UpdateBot.Core.Moderation;

/// <summary>Where the subscribed destinations are, for posts to an area ("/post ... --near Leeds").</summary>
public interface IDestinationHomePlaces
{
    /// <summary>
    /// Every home place chosen by a chat with at least one active (unpaused) subscription, on any platform, with how
    /// many such chats chose it. Chats without a home place are not counted.
    /// </summary>
    Task<IReadOnlyList<HomePlaceCount>> CountAsync(CancellationToken cancellationToken);
}
