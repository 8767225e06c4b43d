namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>
/// A contract test class run once per database engine: each test gets a fresh database from <see cref="CreateAsync"/>
/// (SQLite or PostgreSQL, as the concrete class says), disposed after it.
/// </summary>
public abstract class DatabaseContractTests : IAsyncLifetime
{
    private TestDatabase? db;

    protected TestDatabase Db => db ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => db = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }
    }

    protected abstract Task<TestDatabase> CreateAsync();
}
