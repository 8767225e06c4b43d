namespace UpdateBot.Benchmarks.Delivery;

internal static class DeliveryChild
{
    public const string Verb = "deliver-child";

    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}
