using System.Globalization;

namespace UpdateBot.Benchmarks.Delivery;

/// <summary>"--name value" pairs.</summary>
internal sealed class BenchArgs(string[] args)
{
    public string Text(string name, string fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public string Platform()
    {
        var platform = Text("platform", "telegram").ToLowerInvariant();
        return platform is "telegram" or "discord"
            ? platform
            : throw new ArgumentException($"--platform must be telegram or discord, not '{platform}'.");
    }
}
