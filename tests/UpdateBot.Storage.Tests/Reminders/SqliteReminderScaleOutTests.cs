using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

public sealed class SqliteReminderScaleOutTests : ReminderScaleOutContractTests
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.SqliteAsync();
}
