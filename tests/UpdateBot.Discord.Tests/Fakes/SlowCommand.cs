using UpdateBot.Core.Commands;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>A command that answers only when the test releases it: for deferred responses.</summary>
public sealed class SlowCommand : ICommand
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Private { get; set; }

    public CommandDefinition Definition { get; } = new("slow", "Takes its time");

    /// <summary>Completes when the command has been asked to run (the bot's deferral clock starts with it).</summary>
    public Task Started => started.Task;

    public void Release() => release.TrySetResult();

    public async Task<CommandResponse> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        started.TrySetResult();
        await release.Task.WaitAsync(cancellationToken);
        return Private ? CommandResponse.Error("Slow and private") : CommandResponse.Reply("Slow but sure @everyone");
    }
}
