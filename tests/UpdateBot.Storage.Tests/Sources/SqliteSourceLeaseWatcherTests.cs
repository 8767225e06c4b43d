using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Sources;

public sealed class SqliteSourceLeaseWatcherTests : SourceLeaseWatcherTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.SqliteAsync();
}
