using Microsoft.Extensions.Logging;
using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Commands;

/// <summary>
/// Parses every inbound once, checks who may do what, and calls the command. Adapters hold no command logic.
/// </summary>
public sealed partial class CommandDispatcher : ICommandHandler
{
    public const int MaxInboundLength = 4096;

    private readonly Dictionary<string, ICommand> commands;
    private readonly ModeratorPolicy moderators;
    private readonly TimeProvider time;
    private readonly CommandCooldown cooldown;
    private readonly ILogger<CommandDispatcher> logger;

    public CommandDispatcher(
        IEnumerable<ICommand> commands,
        ModeratorPolicy moderators,
        TimeProvider time,
        CommandCooldown cooldown,
        ILogger<CommandDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(commands);
        this.commands = new Dictionary<string, ICommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            this.commands[command.Definition.Name] = command;
        }

        this.moderators = moderators;
        this.time = time;
        this.cooldown = cooldown;
        this.logger = logger;
        Definitions = this.commands.Values.Select(c => c.Definition).ToList();
    }

    public IReadOnlyList<CommandDefinition> Definitions { get; }

    public async Task<CommandResponse> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        try
        {
            if (IsCommandLike(inbound) && inbound.User.Platform != "console" && !cooldown.TryTake(inbound.User, out var wait))
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                return CommandResponse.Error($"Slow down a little: try again in {seconds} s.") with { Notice = "Slow down a little." };
            }

            if (inbound.CallbackData is { } data)
            {
                return await HandleCallbackAsync(inbound, data, cancellationToken);
            }

            if (inbound.Location is not null)
            {
                return await HandleLocationAsync(inbound, cancellationToken);
            }

            return await HandleTextAsync(inbound, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One bad command must never stop the bot; the user is told and the log says why.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.CommandFailed(logger, inbound.Chat.ToString(), exception);
            return CommandResponse.Error("Sorry, something went wrong answering that. It has been logged.");
        }
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string command, string option, string prefix, CancellationToken cancellationToken)
    {
        if (!commands.TryGetValue(command, out var target))
        {
            return [];
        }

        var suggestions = await target.SuggestAsync(option, prefix ?? "", cancellationToken);
        return suggestions.Take(25).ToList();
    }

    private static bool IsCommandLike(Inbound inbound) =>
        inbound.CallbackData is not null || inbound.Location is not null || inbound.Text.TrimStart().StartsWith('/');

    private async Task<CommandResponse> HandleTextAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var text = inbound.Text.Trim();
        if (text.Length > MaxInboundLength)
        {
            return CommandResponse.Error($"That message is too long ({text.Length} characters; at most {MaxInboundLength}). Nothing was done.");
        }

        if (!text.StartsWith('/'))
        {
            // In groups the bot only listens to commands; in a private chat it points to /help.
            return inbound.ChatKind == ChatKind.Private && text.Length > 0
                ? CommandResponse.Reply("I answer commands. Try /latest, /events or /help.")
                : CommandResponse.None;
        }

        var (name, argumentText) = SplitCommand(text);
        if (!commands.TryGetValue(name, out var command))
        {
            return CommandResponse.Reply($"Unknown command /{ArgumentParser.Shorten(name)}. {ShortHelp()}");
        }

        var parsed = ArgumentParser.Parse(command.Definition, argumentText);
        if (inbound.Options is { } named && named.Count > 0)
        {
            parsed = ArgumentParser.FromNamed(command.Definition, named);
        }

        return await RunAsync(command, inbound, parsed, callbackPayload: null, cancellationToken);
    }

    private async Task<CommandResponse> HandleCallbackAsync(Inbound inbound, string data, CancellationToken cancellationToken)
    {
        var colon = data.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? data : data[..colon];
        if (!commands.TryGetValue(name, out var command))
        {
            return CommandResponse.None with { Notice = "That button has expired." };
        }

        var payload = colon < 0 ? "" : data[(colon + 1)..];
        return await RunAsync(command, inbound, CommandParseResult.Ok(CommandArguments.Empty), payload, cancellationToken);
    }

    private async Task<CommandResponse> HandleLocationAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        // A shared location is a question about what is on nearby: the events command answers it.
        if (!commands.TryGetValue("events", out var events))
        {
            return CommandResponse.Reply("Thanks — but I can't search by location yet.");
        }

        return await RunAsync(events, inbound, CommandParseResult.Ok(CommandArguments.Empty), callbackPayload: null, cancellationToken);
    }

    private async Task<CommandResponse> RunAsync(
        ICommand command,
        Inbound inbound,
        CommandParseResult parsed,
        string? callbackPayload,
        CancellationToken cancellationToken)
    {
        var isModerator = moderators.IsModerator(inbound);
        var refusal = Refusal(command.Definition, inbound, isModerator);
        if (refusal is not null)
        {
            Log.CommandRefused(logger, command.Definition.Name, inbound.User.ToString(), inbound.Chat.ToString());
            return CommandResponse.Error(refusal);
        }

        if (!parsed.Succeeded)
        {
            return CommandResponse.Error(parsed.Error!);
        }

        var context = new CommandContext
        {
            Inbound = inbound,
            Arguments = parsed.Arguments!,
            IsModerator = isModerator,
            Now = time.GetUtcNow(),
            CallbackPayload = callbackPayload,
        };
        return await command.ExecuteAsync(context, cancellationToken);
    }

    private static string? Refusal(CommandDefinition definition, Inbound inbound, bool isModerator) => definition.Audience switch
    {
        CommandAudience.Moderators when !isModerator =>
            $"Only moderators can use /{definition.Name}. Nothing was posted or changed.",
        CommandAudience.ChatAdmins when inbound.ChatKind != ChatKind.Private && !inbound.IsChatAdmin && !isModerator =>
            $"Only this chat's admins can use /{definition.Name} here.",
        _ => null,
    };

    internal static (string Name, string Arguments) SplitCommand(string text)
    {
        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var name = text[1..end];
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            name = name[..at];
        }

        return (name, text[end..].Trim());
    }

    private string ShortHelp() =>
        "Try " + string.Join(", ", Definitions.Where(d => d.Audience == CommandAudience.Everyone).Take(6).Select(d => "/" + d.Name)) + ".";

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "A command in {Chat} failed")]
        public static partial void CommandFailed(ILogger logger, string chat, Exception exception);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Refused /{Command} to {User} in {Chat}: not allowed")]
        public static partial void CommandRefused(ILogger logger, string command, string user, string chat);
    }
}
