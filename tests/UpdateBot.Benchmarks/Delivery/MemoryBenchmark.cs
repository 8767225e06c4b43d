namespace UpdateBot.Benchmarks.Delivery;

internal static class MemoryBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}
