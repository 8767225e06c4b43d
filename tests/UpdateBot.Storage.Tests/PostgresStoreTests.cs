using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests;

[RequiresPostgres]
public sealed class PostgresStoreTests : StoreContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
