using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Storage;

/// <summary>Where the bot keeps its timeline, subscriptions and delivery outbox (UpdateBot:Storage).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "UpdateBot:Storage";

    /// <summary>"Sqlite" (default, one file) or "PostgreSql" (several instances may share it).</summary>
    [Required]
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>ADO.NET connection string; for SQLite the file's folder is created at start.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/updatebot.db";

    internal StorageProvider ParsedProvider =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(StorageOptionsValidator.BadProvider(Provider));
}
