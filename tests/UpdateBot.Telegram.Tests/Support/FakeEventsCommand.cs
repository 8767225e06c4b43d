using UpdateBot.Core.Commands;
using UpdateBot.Core.Messages;

namespace UpdateBot.Telegram.Tests.Support;

/// <summary>Stands in for the events command (its own issue): answers a shared location with one event and its venue.</summary>
public sealed class FakeEventsCommand : ICommand
{
    public int LocationsSeen { get; private set; }

    public double? LastLatitude { get; private set; }

    public CommandDefinition Definition { get; } = new("events", "Upcoming events near a place")
    {
        Options = [new CommandOption("place", "Where") { Rest = true }],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Inbound.Location is { } location)
        {
            LocationsSeen++;
            LastLatitude = location.Latitude;
            return Task.FromResult(CommandResponse.Reply(new OutgoingMessage
            {
                Title = "1 event near you",
                Body = [Paragraph.Of("Rally at the Town Hall, 18:00")],
                Venue = new MessageVenue(51.5007, -0.1246, "Town Hall", "Parliament Square"),
            }));
        }

        var place = context.Arguments.Text("place") ?? "anywhere";
        return Task.FromResult(CommandResponse.Reply($"No events near {place}."));
    }
}
