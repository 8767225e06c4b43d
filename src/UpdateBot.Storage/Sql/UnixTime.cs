namespace UpdateBot.Storage.Sql;

/// <summary>Times are stored as Unix milliseconds in BIGINT columns: identical in SQLite and PostgreSQL, and sortable.</summary>
internal static class UnixTime
{
    public static long From(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? From(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset To(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? To(long? value) => value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
