using System.Diagnostics;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Events;
using UpdateBot.Events;
using UpdateBot.Events.Commands;
using UpdateBot.Events.Hosting;

namespace UpdateBot.Benchmarks.Events;

/// <summary>
/// events-query: /events answered in process with 10,000 known events (target p99 ≤ 10 ms): the catalog query alone,
/// and the whole command (place look-up, query, rendering), for a named place, a shared location and no place.
/// </summary>
internal static class EventsQueryBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10_000;
        var now = new DateTimeOffset(2024, 3, 12, 9, 0, 0, TimeSpan.Zero);
        var places = Gazetteer.Directory;
        string[] towns = ["Leeds", "Bradford", "Sheffield", "Manchester", "Liverpool", "Newcastle", "London", "Bristol", "Cardiff", "Glasgow",
            "Edinburgh", "Birmingham", "Nottingham", "Leicester", "York", "Hull", "Norwich", "Brighton", "Oxford", "Cambridge"];
        var resolved = towns.Select(t => places.Find(t, "GB")!).ToArray();

        var index = new EventIndex();
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var place = resolved[random.Next(resolved.Length)];
            index.Put(new EventRecord
            {
                Id = $"bench/{i}",
                Title = $"Rally {i}",
                Kind = "rally",
                Start = now.AddMinutes(random.Next(-7 * 24 * 60, 60 * 24 * 60)),
                Place = place,
                Venue = "Town Hall",
                EntryId = $"e{i}",
                SourceName = "bench",
                Url = $"https://example.org/live#e{i}",
                Status = random.Next(20) == 0 ? EventStatus.Cancelled : EventStatus.Scheduled,
            });
        }

        _ = index.Count; // build the snapshot once, as the feeder does between queries
        var zones = new FeedTimeZones(new Monitor(new UpdateBotOptions()));
        var command = new EventsCommand(index, places, new InMemoryChatSettingsStore(), zones, Options.Create(new EventsOptions()));

        var catalogTimes = new List<double>();
        var commandTimes = new List<double>();
        var stopwatch = new Stopwatch();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        const int Rounds = 3000;
        for (var round = 0; round < Rounds; round++)
        {
            var town = resolved[round % resolved.Length];
            stopwatch.Restart();
            var matches = await index.UpcomingAsync(new EventQuery { Now = now, Center = town.Location, Limit = 10 }, CancellationToken.None);
            catalogTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (matches.Count == 0)
            {
                throw new InvalidOperationException("The benchmark's query found nothing.");
            }

            var (text, location) = (round % 3) switch
            {
                0 => (towns[round % towns.Length], (GeoPoint?)null),
                1 => ("", town.Location),
                _ => ("", null),
            };
            var parsed = ArgumentParser.Parse(command.Definition, text);
            stopwatch.Restart();
            var response = await command.ExecuteAsync(
                new CommandContext
                {
                    Inbound = new Inbound { Chat = new ChatAddress("bench", "1"), User = new UserRef("bench", "1"), Location = location },
                    Arguments = parsed.Arguments!,
                    IsModerator = false,
                    Now = now,
                },
                CancellationToken.None);
            commandTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (response.Messages.Count == 0)
            {
                throw new InvalidOperationException("The command answered nothing.");
            }
        }

        var cpuPerRound = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Rounds;

        // The first rounds include JIT: leave them out of the steady-state figures.
        catalogTimes = catalogTimes.Skip(100).ToList();
        commandTimes = commandTimes.Skip(100).ToList();
        Console.WriteLine(FormattableString.Invariant($"events-query: {index.Count} known events"));
        Console.WriteLine(Percentiles.Line("events-query: catalog (near a place, radius 25 km)", catalogTimes));
        Console.WriteLine(Percentiles.Line("events-query: /events command (place | location | none)", commandTimes));
        Console.WriteLine(FormattableString.Invariant($"events-query: process CPU per round (catalog query + command) {cpuPerRound:F3} ms (wall-clock percentiles above suffer when the machine is busy)"));
        var p99 = Percentiles.Of(commandTimes, 99);
        Console.WriteLine(p99 <= 10 ? "events-query: within target (p99 ≤ 10 ms)" : "events-query: OVER TARGET (p99 ≤ 10 ms)");
        return p99 <= 10 ? 0 : 1;
    }

    private sealed class Monitor(UpdateBotOptions value) : IOptionsMonitor<UpdateBotOptions>
    {
        public UpdateBotOptions CurrentValue => value;

        public UpdateBotOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<UpdateBotOptions, string?> listener) => null;
    }
}
