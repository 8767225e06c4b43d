using System.Globalization;
using UpdateBot.Core.Moderation;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>The home places of chats with an active subscription, counted per place, for posts to an area.</summary>
internal sealed class SqlDestinationHomePlaces(SqlDatabase database) : IDestinationHomePlaces
{
    public async Task<IReadOnlyList<HomePlaceCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT c.home_place, COUNT(*) FROM chat_settings c
            WHERE c.home_place IS NOT NULL
              AND EXISTS (SELECT 1 FROM subscriptions s
                          WHERE s.platform = c.platform AND s.chat_id = c.chat_id AND s.paused_reason IS NULL)
            GROUP BY c.home_place
            ORDER BY c.home_place
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var homes = new List<HomePlaceCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            homes.Add(new HomePlaceCount(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return homes;
    }
}
