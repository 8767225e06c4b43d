namespace UpdateBot.Hosting;

/// <summary>How this run of the bot was asked to behave, from the command line.</summary>
internal sealed record BotRunSettings
{
    /// <summary>Poll each source once, deliver, answer standard input, exit.</summary>
    public bool Once { get; init; }

    /// <summary>Run the console chat even when platform tokens are configured.</summary>
    public bool ForceConsole { get; init; }

    /// <summary>Extra configuration (the demo source, --feed, test settings), applied last.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
