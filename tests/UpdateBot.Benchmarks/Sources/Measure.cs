using System.Diagnostics;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>Tiny timing helpers: warm up, then the median of several timed rounds.</summary>
internal static class Measure
{
    public static double MedianMilliseconds(Action action, int rounds, int perRound)
    {
        action();
        action();
        var samples = new List<double>(rounds);
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++)
            {
                action();
            }

            samples.Add(watch.Elapsed.TotalMilliseconds / perRound);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    public static string Verdict(bool ok) => ok ? "PASS" : "FAIL";
}
