namespace UpdateBot.ConsoleChat;

/// <summary>Where the console chat reads commands and writes messages; tests swap in their own streams.</summary>
internal sealed class ConsoleStreams(TextReader input, TextWriter output, bool interactive)
{
    private readonly Lock gate = new();

    public TextReader Input { get; } = input;

    public bool Interactive { get; } = interactive;

    public static ConsoleStreams System() => new(Console.In, Console.Out, !Console.IsInputRedirected);

    /// <summary>Writes a block of text at once, so entries and replies never interleave.</summary>
    public void Write(string text)
    {
        lock (gate)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
