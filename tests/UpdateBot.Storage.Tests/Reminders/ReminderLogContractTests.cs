using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

/// <summary>
/// The reminder log (what each chat was told about each event) on SQLite and on a real PostgreSQL: a claim is
/// atomic, so of racing instances exactly one wins, it survives a restart, a failed send gives it back, and old
/// records are pruned.
/// </summary>
public abstract class ReminderLogContractTests : DatabaseContractTests
{
    private static readonly ChatAddress Leeds = new("telegram", "-100");
    private static readonly ChatAddress Bradford = new("discord", "500");

    private DateTimeOffset Later => Db.Time.GetUtcNow().AddDays(3);

    [StoreFact]
    public async Task A_reminder_is_claimed_once_per_chat_and_the_claim_survives_a_restart()
    {
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, default));
        Assert.True(await Db.Reminders.TryClaimAsync(Bradford, "ev1", null, "on|100|Square", Later, default));
        Db.Reopen();

        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, default));
        Assert.Equal(new Dictionary<string, string> { ["ev1"] = "on|100|Square" }, await Db.Reminders.ToldAsync(Leeds, default));
        Assert.Empty(await Db.Reminders.ToldAsync(new ChatAddress("telegram", "-200"), default));
    }

    [StoreFact]
    public async Task A_change_is_claimed_only_from_what_was_told_and_a_failed_send_gives_it_back()
    {
        await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, default);

        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|50|Square", "on|200|Square", Later, default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev2", "on|100|Square", "on|200|Square", Later, default));
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|Square", "on|200|Square", Later, default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|Square", "on|200|Square", Later, default));

        // Giving back a claim someone else already moved on from changes nothing.
        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "off|200|Square", "on|200|Square", default);
        Assert.Equal("on|200|Square", (await Db.Reminders.ToldAsync(Leeds, default))["ev1"]);

        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "on|200|Square", "on|100|Square", default);
        Assert.Equal("on|100|Square", (await Db.Reminders.ToldAsync(Leeds, default))["ev1"]);
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|Square", "on|200|Square", Later, default));

        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "on|200|Square", null, default);
        Assert.Empty(await Db.Reminders.ToldAsync(Leeds, default));
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|200|Square", Later, default));
    }

    [StoreFact]
    public async Task Instances_racing_for_the_same_claims_each_get_a_definite_answer_and_exactly_one_wins_each()
    {
        const int Instances = 4;
        const int Events = 25;
        await Db.Database.MigrateAsync(default); // the race is about claims, not about creating the schema
        var instances = Enumerable.Range(0, Instances).Select(_ => Db.OtherInstance()).ToList();
        var logs = instances.Select(s => s.Reminders).ToList();
        var events = Enumerable.Range(0, Events).Select(i => $"ev{i}").ToList();
        try
        {
            var first = await Race(i => events.Select(async e => (e, i, Won: await logs[i].TryClaimAsync(Leeds, e, null, "on|100|", Later, default))));
            var moved = await Race(i => events.Select(async e => (e, i, Won: await logs[i].TryClaimAsync(Leeds, e, "on|100|", $"on|200|{i}", Later, default))));

            Assert.All(events, e => Assert.Single(first, r => r.e == e && r.Won));
            Assert.All(events, e => Assert.Single(moved, r => r.e == e && r.Won));
            var told = await Db.Reminders.ToldAsync(Leeds, default);
            Assert.All(moved.Where(r => r.Won), r => Assert.Equal($"on|200|{r.i}", told[r.e]));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }

        async Task<List<(string e, int i, bool Won)>> Race(Func<int, IEnumerable<Task<(string, int, bool)>>> claims)
        {
            var all = await Task.WhenAll(Enumerable.Range(0, Instances).Select(i => Task.Run(() => Task.WhenAll(claims(i)))));
            return [.. all.SelectMany(a => a)];
        }
    }

    [StoreFact]
    public async Task Records_kept_until_before_the_cut_off_are_pruned_and_the_others_kept()
    {
        var now = Db.Time.GetUtcNow();
        await Db.Reminders.TryClaimAsync(Leeds, "old", null, "on|1|", now.AddMinutes(-1), default);
        await Db.Reminders.TryClaimAsync(Bradford, "old", null, "on|1|", now.AddDays(-2), default);
        await Db.Reminders.TryClaimAsync(Leeds, "new", null, "on|2|", now.AddMinutes(1), default);

        Assert.Equal(2, await Db.Reminders.PruneAsync(now, default));

        Assert.Equal(["new"], (await Db.Reminders.ToldAsync(Leeds, default)).Keys);
        Assert.Empty(await Db.Reminders.ToldAsync(Bradford, default));
        Assert.Equal(0, await Db.Reminders.PruneAsync(now, default));
    }
}
