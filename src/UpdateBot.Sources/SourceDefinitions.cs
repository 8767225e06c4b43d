using UpdateBot.Core.Configuration;
using UpdateBot.Core.Sources;

namespace UpdateBot.Sources;

/// <summary>Turns configured sources (UpdateBot:Sources:N) into <see cref="SourceDefinition"/>s.</summary>
public static class SourceDefinitions
{
    public static SourceDefinition From(SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SourceDefinition
        {
            Name = options.Name,
            Url = options.Url,
            Format = string.IsNullOrWhiteSpace(options.Format) ? "auto" : options.Format,
            PollInterval = options.PollInterval,
            MaxPollInterval = options.MaxPollInterval,
            Backlog = options.Backlog,
            TimeZone = options.TimeZone,
        };
    }

    public static IReadOnlyList<SourceDefinition> From(UpdateBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Sources.Select(From).ToList();
    }
}
