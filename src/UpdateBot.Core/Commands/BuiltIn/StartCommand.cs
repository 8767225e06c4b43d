namespace UpdateBot.Core.Commands.BuiltIn;

internal sealed class StartCommand : ICommand
{
    public CommandDefinition Definition { get; } = new("start", "What this bot does and how to begin")
    {
        Examples = ["/start"],
    };

    public Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResponse.Reply(
            "Hello! I follow live blogs and post each new entry here as it happens.\n\n" +
            "/subscribe — get every new entry in this chat\n" +
            "/latest — the newest entries\n" +
            "/events — demos, rallies and meetings coming up\n" +
            "/help — everything I can do"));
}
