using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

[RequiresPostgres]
public sealed class PostgresReminderScaleOutTests : ReminderScaleOutContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
