using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;

namespace UpdateBot.ConsoleChat;

/// <summary>
/// Reads commands typed at the terminal (or piped in, line by line) and prints the answers. The console chat is
/// subscribed to every source, so entries appear as they would in a chat. At the end of piped input the bot keeps
/// running, as a service does, unless the run is a one-shot (--once), which waits for <see cref="InputDone"/>.
/// </summary>
internal sealed partial class ConsoleChatService(
    ConsoleStreams streams,
    ICommandHandler commands,
    ISubscriptionStore subscriptions,
    TimeProvider time,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    private static readonly UserRef LocalUser = new(ConsolePlatform.PlatformName, "console", "you");

    private readonly TaskCompletionSource inputDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when standard input has ended and every command read was answered.</summary>
    public Task InputDone => inputDone.Task;

    /// <summary>Lets a one-shot run read commands only after the sources were polled and entries delivered.</summary>
    public void Release() => ready.TrySetResult();

    /// <summary>When set, commands wait for <see cref="Release"/> before being answered.</summary>
    public bool WaitForRelease { get; set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before any source is read, so the first entries already have this chat as a destination.
        var existing = await subscriptions.GetForChatAsync(ConsolePlatform.Chat, cancellationToken);
        if (existing.Count == 0)
        {
            await subscriptions.SubscribeAsync(
                new Subscription { Chat = ConsolePlatform.Chat, CreatedAt = time.GetUtcNow() },
                cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (WaitForRelease)
            {
                await ready.Task.WaitAsync(stoppingToken);
            }

            if (streams.Interactive)
            {
                streams.Write("Type /help for commands, /latest 3 for the newest entries. Ctrl+C quits.\n\n");
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var line = await streams.Input.ReadLineAsync(stoppingToken);
                if (line is null)
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                await AnswerAsync(line, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            inputDone.TrySetResult();
        }
    }

    private async Task AnswerAsync(string line, CancellationToken cancellationToken)
    {
        var inbound = new Inbound
        {
            Chat = ConsolePlatform.Chat,
            User = LocalUser,
            ChatKind = ChatKind.Private,
            Text = line.Trim(),
        };
        var response = await commands.HandleAsync(inbound, cancellationToken);
        foreach (var message in response.Messages)
        {
            streams.Write(ConsoleRenderer.Render(message));
        }

        if (response.Notice is { } notice)
        {
            streams.Write(ConsoleRenderer.Clean(notice) + "\n\n");
        }

        Log.Answered(logger, inbound.Text.Split(' ')[0]);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Console command {Command} answered")]
        public static partial void Answered(ILogger logger, string command);
    }
}
