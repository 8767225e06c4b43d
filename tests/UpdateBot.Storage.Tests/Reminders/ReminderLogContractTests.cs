using System.Data.Common;
using System.Globalization;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Storage.Sql;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

/// <summary>
/// The reminder log (what each chat was told about each event) on SQLite and on a real PostgreSQL: a claim is
/// atomic, so of racing instances exactly one wins, it survives a restart, a failed send gives it back, a sent one is
/// confirmed, a claim left in flight is taken over (by exactly one) only after its lifetime, and old records are pruned.
/// </summary>
public abstract class ReminderLogContractTests : DatabaseContractTests
{
    private static readonly ChatAddress Leeds = new("telegram", "-100");
    private static readonly ChatAddress Bradford = new("discord", "500");
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private DateTimeOffset Later => Db.Time.GetUtcNow().AddDays(3);

    /// <summary>A claim made now by <paramref name="owner"/>.</summary>
    private ReminderClaim Claim(string owner = "a") => new(owner, Db.Time.GetUtcNow(), Lifetime);

    private Task<IReadOnlyDictionary<string, string>> Told(ChatAddress chat) => Db.Reminders.ToldAsync(chat, Db.Time.GetUtcNow() - Lifetime, default);

    [StoreFact]
    public async Task A_reminder_is_claimed_once_per_chat_and_the_claim_survives_a_restart()
    {
        var a = Claim();
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, a, default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, Claim("b"), default));
        Assert.True(await Db.Reminders.TryClaimAsync(Bradford, "ev1", null, "on|100|Square", Later, Claim("b"), default));
        Db.Reopen();

        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, Claim("c"), default));
        Assert.True(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|Square", a, default));
        Db.Reopen();

        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, Claim("c"), default));
        Assert.Equal(new Dictionary<string, string> { ["ev1"] = "on|100|Square" }, await Told(Leeds));
        Assert.Empty(await Told(new ChatAddress("telegram", "-200")));
    }

    [StoreFact]
    public async Task A_change_is_claimed_only_from_what_was_told_and_a_failed_send_gives_it_back()
    {
        var first = Claim();
        await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|Square", Later, first, default);
        await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|Square", first, default);

        var b = Claim("b");
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|50|Square", "on|200|Square", Later, b, default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev2", "on|100|Square", "on|200|Square", Later, b, default));
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|Square", "on|200|Square", Later, b, default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|Square", "on|200|Square", Later, Claim("c"), default));

        // Giving back a claim one does not hold, or a state it does not claim, changes nothing.
        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "on|200|Square", Claim("c"), default);
        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "off|200|Square", b, default);
        Assert.Equal("on|200|Square", (await Told(Leeds))["ev1"]);

        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "on|200|Square", b, default);
        Assert.Equal("on|100|Square", (await Told(Leeds))["ev1"]);
        Assert.False(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|200|Square", b, default));
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|Square", "on|200|Square", Later, Claim("c"), default));

        // A first reminder given back leaves no record: it can be claimed afresh.
        var d = Claim("d");
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev2", null, "on|300|", Later, d, default));
        await Db.Reminders.ReleaseAsync(Leeds, "ev2", "on|300|", d, default);
        Assert.False((await Told(Leeds)).ContainsKey("ev2"));
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev2", null, "on|300|", Later, Claim("e"), default));
    }

    [StoreFact]
    public async Task A_claim_in_flight_blocks_a_change_until_its_holder_confirms_it()
    {
        var a = Claim();
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, a, default));
        Assert.Equal("on|100|", (await Told(Leeds))["ev1"]);

        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|", "off|100|", Later, Claim("b"), default));
        Assert.False(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", Claim("b"), default));
        Assert.False(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", a with { At = a.At.AddSeconds(1) }, default));
        Assert.True(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", a, default));

        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|", "off|100|", Later, Claim("b"), default));
    }

    [StoreFact]
    public async Task A_claim_in_flight_is_not_taken_over_before_its_lifetime_and_is_taken_over_after_it()
    {
        var dead = Claim("dead");
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, dead, default));

        Db.Time.Advance(Lifetime);
        Db.Reopen();
        Assert.Equal("on|100|", (await Told(Leeds))["ev1"]);
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, Claim("b"), default));

        Db.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await Told(Leeds)).ContainsKey("ev1")); // as if given back: nothing was told
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|", "on|200|", Later, Claim("b"), default));
        var b = Claim("b");
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, b, default));
        Assert.Equal("on|100|", (await Told(Leeds))["ev1"]);

        // The first holder, back too late, can neither confirm nor give back what is now another's.
        Assert.False(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", dead, default));
        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "on|100|", dead, default);
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, Claim("c"), default));
        Assert.True(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", b, default));

        // A change left in flight goes back to what was told before it, and is claimed from there.
        var mover = Claim("mover");
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|", "on|200|", Later, mover, default));
        Db.Time.Advance(Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("on|100|", (await Told(Leeds))["ev1"]);
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|200|", "off|200|", Later, Claim("c"), default));
        var c = Claim("c");
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|", "off|200|", Later, c, default));
        Assert.False(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|200|", mover, default));

        // Given back, the taken-over claim returns to what was told before it, not to the abandoned one's state.
        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "off|200|", c, default);
        Assert.Equal("on|100|", (await Told(Leeds))["ev1"]);
    }

    [StoreFact]
    public async Task A_confirmed_claim_is_never_taken_over()
    {
        var a = Claim();
        await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, a, default);
        Assert.True(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", a, default));
        var mover = Claim();
        await Db.Reminders.TryClaimAsync(Leeds, "ev2", null, "on|100|", Later, mover, default);
        await Db.Reminders.ConfirmAsync(Leeds, "ev2", "on|100|", mover, default);
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev2", "on|100|", "on|200|", Later, mover, default));
        Assert.True(await Db.Reminders.ConfirmAsync(Leeds, "ev2", "on|200|", mover, default));

        Db.Time.Advance(TimeSpan.FromDays(1));
        Db.Reopen();

        Assert.Equal(new Dictionary<string, string> { ["ev1"] = "on|100|", ["ev2"] = "on|200|" }, await Told(Leeds));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, Claim("b"), default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev2", "on|100|", "on|200|", Later, Claim("b"), default));
        Assert.False(await Db.Reminders.ConfirmAsync(Leeds, "ev1", "on|100|", a, default));
        await Db.Reminders.ReleaseAsync(Leeds, "ev1", "on|100|", a, default);
        Assert.Equal("on|100|", (await Told(Leeds))["ev1"]);
    }

    [StoreFact]
    public async Task Instances_racing_for_the_same_claims_each_get_a_definite_answer_and_exactly_one_wins_each()
    {
        const int Instances = 4;
        const int Events = 25;
        await Db.Database.MigrateAsync(default); // the race is about claims, not about creating the schema
        var instances = Enumerable.Range(0, Instances).Select(_ => Db.OtherInstance()).ToList();
        var logs = instances.Select(s => s.Reminders).ToList();
        var claims = Enumerable.Range(0, Instances).Select(i => Claim($"i{i}")).ToList();
        var events = Enumerable.Range(0, Events).Select(i => $"ev{i}").ToList();
        try
        {
            var first = await Race(Instances, i => events.Select(async e => (e, i, Won: await logs[i].TryClaimAsync(Leeds, e, null, "on|100|", Later, claims[i], default))));
            Assert.All(events, e => Assert.Single(first, r => r.e == e && r.Won));
            foreach (var (e, i, _) in first.Where(r => r.Won))
            {
                Assert.True(await logs[i].ConfirmAsync(Leeds, e, "on|100|", claims[i], default));
            }

            var moved = await Race(Instances, i => events.Select(async e => (e, i, Won: await logs[i].TryClaimAsync(Leeds, e, "on|100|", $"on|200|{i}", Later, claims[i], default))));
            Assert.All(events, e => Assert.Single(moved, r => r.e == e && r.Won));
            var told = await Told(Leeds);
            Assert.All(moved.Where(r => r.Won), r => Assert.Equal($"on|200|{r.i}", told[r.e]));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [StoreFact]
    public async Task Instances_racing_to_take_over_abandoned_claims_each_get_a_definite_answer_and_exactly_one_wins_each()
    {
        const int Instances = 4;
        const int Events = 20;
        await Db.Database.MigrateAsync(default);
        var firsts = Enumerable.Range(0, Events).Select(i => $"first{i}").ToList();
        var moves = Enumerable.Range(0, Events).Select(i => $"move{i}").ToList();

        // A killed instance left a first reminder in flight for each "first" event, and a move for each "move" event.
        var dead = Claim("dead");
        foreach (var e in firsts)
        {
            Assert.True(await Db.Reminders.TryClaimAsync(Leeds, e, null, "on|100|", Later, dead, default));
        }

        foreach (var e in moves)
        {
            var settled = Claim("earlier");
            Assert.True(await Db.Reminders.TryClaimAsync(Leeds, e, null, "on|100|", Later, settled, default));
            Assert.True(await Db.Reminders.ConfirmAsync(Leeds, e, "on|100|", settled, default));
            Assert.True(await Db.Reminders.TryClaimAsync(Leeds, e, "on|100|", "on|200|", Later, dead, default));
        }

        Db.Time.Advance(Lifetime + TimeSpan.FromMinutes(1));
        var instances = Enumerable.Range(0, Instances).Select(_ => Db.OtherInstance()).ToList();
        var logs = instances.Select(s => s.Reminders).ToList();
        var claims = Enumerable.Range(0, Instances).Select(i => Claim($"i{i}")).ToList();
        try
        {
            var results = await Race(Instances, i => firsts.Select(async e => (e, i, Won: await logs[i].TryClaimAsync(Leeds, e, null, $"on|100|{i}", Later, claims[i], default)))
                .Concat(moves.Select(async e => (e, i, Won: await logs[i].TryClaimAsync(Leeds, e, "on|100|", $"on|300|{i}", Later, claims[i], default)))));

            Assert.All(firsts.Concat(moves), e => Assert.Single(results, r => r.e == e && r.Won));
            var told = await Told(Leeds);
            Assert.All(results.Where(r => r.Won), r => Assert.Equal(r.e.StartsWith("first", StringComparison.Ordinal) ? $"on|100|{r.i}" : $"on|300|{r.i}", told[r.e]));
            foreach (var (e, i, _) in results.Where(r => r.Won))
            {
                Assert.True(await logs[i].ConfirmAsync(Leeds, e, told[e], claims[i], default));
                Assert.False(await Db.Reminders.ConfirmAsync(Leeds, e, e.StartsWith("first", StringComparison.Ordinal) ? "on|100|" : "on|200|", dead, default));
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [StoreFact]
    public async Task Records_kept_until_before_the_cut_off_are_pruned_and_the_others_kept()
    {
        var now = Db.Time.GetUtcNow();
        await Db.Reminders.TryClaimAsync(Leeds, "old", null, "on|1|", now.AddMinutes(-1), Claim(), default);
        await Db.Reminders.TryClaimAsync(Bradford, "old", null, "on|1|", now.AddDays(-2), Claim(), default);
        await Db.Reminders.TryClaimAsync(Leeds, "new", null, "on|2|", now.AddMinutes(1), Claim(), default);

        Assert.Equal(2, await Db.Reminders.PruneAsync(now, default));

        Assert.Equal(["new"], (await Told(Leeds)).Keys);
        Assert.Empty(await Told(Bradford));
        Assert.Equal(0, await Db.Reminders.PruneAsync(now, default));
    }

    [StoreFact]
    public async Task Records_written_before_claims_had_a_state_are_read_as_sent()
    {
        // A database at the schema before claims had a state (migration 6), holding one record of that time.
        var migrations = Schema.Migrations(Db.Database);
        const int Before = 6;
        Assert.True(migrations.Count > Before);
        await Db.Database.PrepareAsync(default);
        await using (var connection = await Db.Database.OpenConnectionAsync(default))
        {
            await Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)");
            for (var version = 1; version <= Before; version++)
            {
                foreach (var statement in migrations[version - 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    await Execute(connection, statement);
                }

                await Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version, applied_at) VALUES ({version}, 0)"));
            }

            await Execute(connection, string.Create(
                CultureInfo.InvariantCulture,
                $"INSERT INTO event_reminders (platform, chat_id, event_id, told, keep_until) VALUES ('telegram', '-100', 'ev1', 'on|100|', {Later.ToUnixTimeMilliseconds()})"));
        }

        Db.Reopen();
        Db.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new Dictionary<string, string> { ["ev1"] = "on|100|" }, await Db.Reminders.ToldAsync(Leeds, Db.Time.GetUtcNow(), default));
        Assert.False(await Db.Reminders.TryClaimAsync(Leeds, "ev1", null, "on|100|", Later, Claim("b"), default));
        Assert.True(await Db.Reminders.TryClaimAsync(Leeds, "ev1", "on|100|", "off|100|", Later, Claim("b"), default));

        static async Task Execute(DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<(string e, int i, bool Won)>> Race(int instances, Func<int, IEnumerable<Task<(string, int, bool)>>> claims)
    {
        var all = await Task.WhenAll(Enumerable.Range(0, instances).Select(i => Task.Run(() => Task.WhenAll(claims(i)))));
        return [.. all.SelectMany(a => a)];
    }
}
