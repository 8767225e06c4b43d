using System.Diagnostics;
using UpdateBot.Events;
using UpdateBot.Events.Places;

namespace UpdateBot.Benchmarks.Events;

/// <summary>
/// gazetteer-load: time and memory of loading the shipped gazetteer (targets: ≤ 1 s, ≤ 40 MB). The first load in the
/// process includes JIT; later loads show the steady cost. Memory is what the loaded data keeps alive after a full GC.
/// </summary>
internal static class GazetteerLoadBenchmark
{
    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var first = Gazetteer.Directory.Find("Newcastle", "GB");
        var cold = stopwatch.Elapsed.TotalMilliseconds;
        var coldCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(first);

        var warm = new List<double>();
        var warmCpu = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            stopwatch.Restart();
            var data = GazetteerLoader.LoadEmbedded();
            warm.Add(stopwatch.Elapsed.TotalMilliseconds);
            warmCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            GC.KeepAlive(data);
        }

        var lookups = new List<double>();
        string[] names = ["Leeds", "Newcastle", "Zürich", "Hackney", "Stoke on Trent", "Londres", "Caerdydd", "Springfield"];
        for (var i = 0; i < 2000; i++)
        {
            stopwatch.Restart();
            _ = Gazetteer.Directory.Find(names[i % names.Length], "GB");
            lookups.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(FormattableString.Invariant($"gazetteer-load: first load (cold, incl. JIT) {cold:F0} ms wall, {coldCpu:F0} ms process CPU; retained {retained / 1024.0 / 1024.0:F1} MB managed; found {first}"));
        Console.WriteLine(Percentiles.Line("gazetteer-load: warm reloads (wall)", warm));
        Console.WriteLine(Percentiles.Line("gazetteer-load: warm reloads (process CPU)", warmCpu));
        Console.WriteLine(Percentiles.Line("gazetteer-find", lookups));
        var ok = cold <= 1000 && retained <= 40L * 1024 * 1024;
        Console.WriteLine(ok ? "gazetteer-load: within targets (≤ 1 s, ≤ 40 MB)" : "gazetteer-load: OVER TARGET (≤ 1 s, ≤ 40 MB)");
        return ok ? 0 : 1;
    }
}
