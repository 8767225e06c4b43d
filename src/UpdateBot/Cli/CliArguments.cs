namespace UpdateBot.Cli;

/// <summary>The command line, split into a verb, positional values and "--name value" options.</summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "once", "all", "console", "help", "version" };

    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    private CliArguments(string verb) => Verb = verb;

    public string Verb { get; }

    public List<string> Positional { get; } = [];

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = 0;
        var verb = "run";
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0];
            start = 1;
        }

        var parsed = new CliArguments(verb);
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    parsed.options[name[..equals]] = name[(equals + 1)..];
                }
                else if (Switches.Contains(name) || i + 1 >= args.Count)
                {
                    parsed.options[name] = "true";
                }
                else
                {
                    parsed.options[name] = args[++i];
                }
            }
            else if (arg is "-h")
            {
                parsed.options["help"] = "true";
            }
            else
            {
                parsed.Positional.Add(arg);
            }
        }

        return parsed;
    }

    public string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => options.ContainsKey(name);

    public IEnumerable<string> OptionNames => options.Keys;
}
