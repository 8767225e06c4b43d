using System.Diagnostics;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// Times two actions in alternating rounds (A then B, then B then A, ...) so both see the same machine load, with a
/// full garbage collection before each timed block so neither pays for the other's garbage. Records wall time and
/// the process's CPU time (all threads, garbage collector included; time spent waiting for a core is not counted),
/// which stays meaningful on a machine shared with other work.
/// </summary>
internal static class PairedTiming
{
    private const int WarmUpRuns = 40;

    public sealed record Result(double[] WallA, double[] WallB, double[] CpuA, double[] CpuB)
    {
        public double MedianWallA => Median(WallA);

        public double MedianWallB => Median(WallB);

        public double MedianCpuA => Median(CpuA);

        public double MedianCpuB => Median(CpuB);

        /// <summary>B / A of each round, sorted: the paired ratios.</summary>
        public double[] WallRatios => [.. WallB.Zip(WallA, (b, a) => b / a).Order()];

        public double[] CpuRatios => [.. CpuB.Zip(CpuA, (b, a) => b / a).Order()];
    }

    public static Result Run(Action a, Action b, int rounds, int perRound)
    {
        // Warm both up past tiered compilation's first tier (30 calls, then a background recompile), so the rounds
        // compare steady-state code, as a long-running bot runs it.
        for (var i = 0; i < WarmUpRuns; i++)
        {
            a();
            b();
        }

        Thread.Sleep(200);

        var wallA = new double[rounds];
        var wallB = new double[rounds];
        var cpuA = new double[rounds];
        var cpuB = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            if (r % 2 == 0)
            {
                (wallA[r], cpuA[r]) = Block(a, perRound);
                (wallB[r], cpuB[r]) = Block(b, perRound);
            }
            else
            {
                (wallB[r], cpuB[r]) = Block(b, perRound);
                (wallA[r], cpuA[r]) = Block(a, perRound);
            }
        }

        return new Result(wallA, wallB, cpuA, cpuB);
    }

    /// <summary>Median CPU milliseconds per run of one action, for breakdowns.</summary>
    public static double CpuMilliseconds(Action action, int rounds, int perRound)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            action();
        }

        Thread.Sleep(200);
        var samples = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            samples[r] = Block(action, perRound).CpuMs;
        }

        return Median(samples);
    }

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"min / lower quartile / upper quartile / max" of sorted values.</summary>
    public static string Spread(double[] sorted) =>
        $"{sorted[0]:0.00} / {sorted[sorted.Length / 4]:0.00} / {sorted[(sorted.Length * 3) / 4]:0.00} / {sorted[^1]:0.00}";

    private static (double WallMs, double CpuMs) Block(Action action, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = ProcessCpu.Now();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            action();
        }

        var wall = watch.Elapsed.TotalMilliseconds / count;
        return (wall, (ProcessCpu.Now() - cpu).TotalMilliseconds / count);
    }
}
