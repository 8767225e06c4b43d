namespace UpdateBot.Storage;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
