using Microsoft.Extensions.Hosting;
using UpdateBot.Storage.Sql;

namespace UpdateBot.Storage;

/// <summary>Migrates the schema while the host starts, so a database that cannot be opened stops start-up with its error.</summary>
internal sealed class StorageMigrationService(SqlDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
