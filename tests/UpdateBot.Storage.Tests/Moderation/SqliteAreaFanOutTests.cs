using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Moderation;

public sealed class SqliteAreaFanOutTests : AreaFanOutContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.SqliteAsync();
}
