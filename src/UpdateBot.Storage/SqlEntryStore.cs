using System.Data.Common;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

internal sealed class SqlEntryStore(SqlDatabase database) : IEntryStore
{
    internal const string EntryColumns = "source_name, entry_id, published, updated, title, body, url, kind, author, links, media";

    public async Task<IReadOnlyList<KnownEntry>> GetKnownAsync(string sourceName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT entry_id, content_hash, published, misses, removed FROM entries WHERE source_key = @s ORDER BY published, entry_id")
            .With("@s", SourceKey.Of(sourceName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var known = new List<KnownEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(new KnownEntry(reader.GetString(0), reader.GetString(1), UnixTime.To(reader.GetInt64(2)), reader.GetInt32(3), reader.GetInt32(4) != 0));
        }

        return known;
    }

    public async Task<IReadOnlyList<Entry>> GetLatestAsync(int count, int skip, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {EntryColumns} FROM entries WHERE removed = 0 ORDER BY published DESC, first_seen DESC LIMIT @n OFFSET @k")
            .With("@n", Math.Max(0, count)).With("@k", Math.Max(0, skip));
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<Entry?> FindAsync(string sourceName, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {EntryColumns} FROM entries WHERE source_key = @s AND entry_id = @i")
            .With("@s", SourceKey.Of(sourceName)).With("@i", id);
        return (await ReadEntriesAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<Entry?> FindAnyAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {EntryColumns} FROM entries WHERE entry_id = @i ORDER BY removed, published DESC LIMIT 1")
            .With("@i", id);
        return (await ReadEntriesAsync(command, cancellationToken)).FirstOrDefault();
    }

    internal static async Task<IReadOnlyList<Entry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<Entry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new Entry
            {
                SourceName = reader.GetString(0),
                Id = reader.GetString(1),
                Published = UnixTime.To(reader.GetInt64(2)),
                Updated = UnixTime.To(reader.NullableLong(3)),
                Title = reader.NullableString(4),
                Text = reader.GetString(5),
                Url = reader.NullableString(6),
                Kind = (EntryKind)reader.GetInt32(7),
                Author = reader.NullableString(8),
                Links = StoredJson.Links(reader.GetString(9)),
                Media = StoredJson.Media(reader.GetString(10)),
            });
        }

        return entries;
    }
}
