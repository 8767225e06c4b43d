using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests;

public sealed class SqliteStoreTests : StoreContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.SqliteAsync();
}
