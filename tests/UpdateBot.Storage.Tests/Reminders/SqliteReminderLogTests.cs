using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

public sealed class SqliteReminderLogTests : ReminderLogContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.SqliteAsync();
}
