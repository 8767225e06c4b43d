namespace UpdateBot.Tests;

public sealed class OneShotRunTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "updatebot-tests", Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(directory, "bot.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FirstSightRecordsEntriesWithoutPostingThemButLatestShowsThem()
    {
        await using var page = await LoopbackPage.StartAsync(Fixtures.Page(Fixtures.Monday));

        var output = await HostHarness.RunOnceAsync(Database, page.Url, "/latest 3\n");

        Assert.DoesNotContain("── ", output, StringComparison.Ordinal);
        Assert.Contains("Latest 3 entries", output, StringComparison.Ordinal);
        var newest = output.IndexOf("Grey’s Monument", StringComparison.Ordinal);
        var oldest = output.IndexOf("first walk-outs", StringComparison.Ordinal);
        Assert.True(newest >= 0 && oldest > newest, "latest lists the newest entry first:\n" + output);
    }

    [Fact]
    public async Task NewEntriesArriveInOrderAndARestartRepostsNothing()
    {
        await using var page = await LoopbackPage.StartAsync(Fixtures.Page(Fixtures.Monday));
        await HostHarness.RunOnceAsync(Database, page.Url, "");

        page.Content = Fixtures.Page(Fixtures.MondayLater);
        var second = await HostHarness.RunOnceAsync(Database, page.Url, "");
        var third = await HostHarness.RunOnceAsync(Database, page.Url, "");

        var drivers = second.IndexOf("Bus drivers in Leeds", StringComparison.Ordinal);
        var talks = second.IndexOf("asked for talks", StringComparison.Ordinal);
        Assert.True(drivers >= 0 && talks > drivers, "new entries are posted oldest first:\n" + second);
        Assert.DoesNotContain("Nurses at the Infirmary", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Bus drivers", third, StringComparison.Ordinal);
        Assert.DoesNotContain("asked for talks", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BacklogPostsTheNewestExistingEntriesOnFirstSight()
    {
        await using var page = await LoopbackPage.StartAsync(Fixtures.Page(Fixtures.Monday));

        var output = await HostHarness.RunOnceAsync(Database, page.Url, "", backlog: 2);

        Assert.DoesNotContain("first walk-outs", output, StringComparison.Ordinal);
        var nurses = output.IndexOf("Nurses at the Infirmary", StringComparison.Ordinal);
        var protest = output.IndexOf("Grey’s Monument", StringComparison.Ordinal);
        Assert.True(nurses >= 0 && protest > nurses, output);
    }

    [Fact]
    public async Task EventsAreAnsweredFromTheEntriesJustRead()
    {
        await using var page = await LoopbackPage.StartAsync(Fixtures.Page(Fixtures.Monday));

        var output = await HostHarness.RunOnceAsync(Database, page.Url, "/events Newcastle\n", now: new DateTimeOffset(2016, 6, 27, 16, 0, 0, TimeSpan.FromHours(1)));

        Assert.Contains("Grey’s Monument", output, StringComparison.Ordinal);
        Assert.Contains("17:30", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadLatestCountGetsAClearReply()
    {
        await using var page = await LoopbackPage.StartAsync(Fixtures.Page(Fixtures.Monday));

        var output = await HostHarness.RunOnceAsync(Database, page.Url, "/latest 500\n/latest lots\n");

        Assert.Contains("Count must be between 1 and 20", output, StringComparison.Ordinal);
        Assert.Contains("Count must be a whole number, not 'lots'", output, StringComparison.Ordinal);
    }
}
