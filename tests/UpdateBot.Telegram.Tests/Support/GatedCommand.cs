using UpdateBot.Core.Commands;

namespace UpdateBot.Telegram.Tests.Support;

/// <summary>A command that waits until the test opens its gate: shows what happens while an update is being handled.</summary>
public sealed class GatedCommand : ICommand
{
    private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandDefinition Definition { get; } = new("slow", "Waits for the test");

    public Task Started => started.Task;

    public void Open() => open.TrySetResult();

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        started.TrySetResult();
        await open.Task.WaitAsync(cancellationToken);
        return CommandResponse.Reply("Done.");
    }
}
