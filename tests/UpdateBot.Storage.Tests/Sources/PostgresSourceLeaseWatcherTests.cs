using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Sources;

[RequiresPostgres]
public sealed class PostgresSourceLeaseWatcherTests : SourceLeaseWatcherTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
