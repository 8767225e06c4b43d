namespace UpdateBot.Benchmarks.Events;

/// <summary>Summary figures of a list of timings in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMs, double p) =>
        sortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * sortedMs.Count) - 1, 0, sortedMs.Count - 1)];

    public static string Line(string name, List<double> ms)
    {
        ms.Sort();
        return FormattableString.Invariant(
            $"{name}: n={ms.Count} p50={Of(ms, 50):F3} ms p95={Of(ms, 95):F3} ms p99={Of(ms, 99):F3} ms max={ms[^1]:F3} ms");
    }
}
