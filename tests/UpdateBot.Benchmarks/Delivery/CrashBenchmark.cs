namespace UpdateBot.Benchmarks.Delivery;

internal static class CrashBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}
