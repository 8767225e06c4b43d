using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

internal sealed class SqlSourceStateStore(SqlDatabase database) : ISourceStateStore
{
    public async Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT state FROM source_states WHERE source_key = @s").With("@s", SourceKey.Of(sourceName));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StoredJson.State(json) : null;
    }

    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO source_states (source_key, state) VALUES (@s, @j) ON CONFLICT (source_key) DO UPDATE SET state = excluded.state")
            .With("@s", SourceKey.Of(state.SourceName)).With("@j", StoredJson.State(state));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT state FROM source_states ORDER BY source_key");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<SourceState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (StoredJson.State(reader.GetString(0)) is { } state)
            {
                states.Add(state);
            }
        }

        return states;
    }
}
