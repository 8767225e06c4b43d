using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Moderation;

[RequiresPostgres]
public sealed class PostgresAreaFanOutTests : AreaFanOutContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
