using Microsoft.Extensions.DependencyInjection;
using UpdateBot.Core.Messages;

namespace UpdateBot.Core.Commands.BuiltIn;

/// <summary>Help generated from the same definitions the platforms register, so the two never disagree.</summary>
internal sealed class HelpCommand(IServiceProvider services) : ICommand
{
    public CommandDefinition Definition { get; } = new("help", "All commands, with examples")
    {
        Examples = ["/help"],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var definitions = services.GetRequiredService<ICommandHandler>().Definitions;
        var body = new List<Paragraph>();
        foreach (var definition in definitions.Where(d => d.Audience != CommandAudience.Moderators || context.IsModerator))
        {
            var runs = new List<Inline>
            {
                new TextRun(definition.Usage, TextStyle.Code),
                new TextRun(" — " + definition.Description),
            };
            if (definition.Examples.Count > 0)
            {
                runs.Add(new TextRun("\ne.g. " + string.Join(", ", definition.Examples), TextStyle.Italic));
            }

            body.Add(new Paragraph(runs));
        }

        return Task.FromResult(CommandResponse.Reply(new OutgoingMessage { Title = "UpdateBot commands", Body = body }));
    }
}
