using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

[RequiresPostgres]
public sealed class PostgresReminderLogTests : ReminderLogContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
