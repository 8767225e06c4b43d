using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using UpdateBot.Core.Commands;
using UpdateBot.Core.Configuration;
using UpdateBot.Telegram.Receiving;

namespace UpdateBot.Telegram;

/// <summary>
/// Start-up: getMe (a rejected token stops the host with a clear message), the command menu (setMyCommands: public
/// commands for everyone, all commands in each moderator's private chat), and the webhook in Webhook mode.
/// </summary>
internal sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    ICommandHandler commands,
    IOptions<TelegramOptions> options,
    IOptions<UpdateBotOptions> botOptions,
    TimeProvider time,
    TokenScrubber scrubber,
    TelegramConnectionStatus status,
    ILogger<TelegramStartup> logger) : IHostedService
{
    private const int StartAttempts = 3;
    private const int MaxCommands = 100;
    private const int MaxDescription = 256;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var me = await GetMeAsync(cancellationToken);
        identity.Set(me.Id, me.Username ?? "");
        TelegramLog.Connected(logger, me.Username ?? "", me.Id);
        status.Set(options.Value.Mode == TelegramMode.Polling, options.Value.Mode == TelegramMode.Polling ? "polling" : "registering webhook");
        if (options.Value.RegisterCommands)
        {
            await RegisterCommandsAsync(cancellationToken);
        }

        if (options.Value.Mode == TelegramMode.Webhook)
        {
            await RegisterWebhookAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static IReadOnlyList<BotCommand> Menu(IEnumerable<CommandDefinition> definitions) =>
        definitions
            .Select(d => (Name: d.Name.ToLowerInvariant(), d.Description))
            .Where(d => CommandName().IsMatch(d.Name))
            .DistinctBy(d => d.Name)
            .Take(MaxCommands)
            .Select(d => new BotCommand(d.Name, Describe(d.Description, d.Name)))
            .ToList();

    private async Task<User> GetMeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await bot.GetMe(cancellationToken);
            }
            catch (ApiRequestException exception) when (exception.ErrorCode is 401 or 404)
            {
                throw new InvalidOperationException(
                    $"Telegram rejected the bot token set at {TelegramOptions.SectionName}:Token ({exception.ErrorCode} from getMe). " +
                    "Check the token with @BotFather (the token itself is not shown here).");
            }
            catch (Exception exception) when (attempt < StartAttempts && !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(attempt);
                TelegramLog.StartupRetry(logger, attempt, delay, scrubber.Safe(exception));
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"Could not reach the Telegram Bot API to check the token (getMe): {scrubber.Safe(exception).Message}");
            }
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        var definitions = commands.Definitions;
        var everyone = Menu(definitions.Where(d => d.Audience != CommandAudience.Moderators));
        await SetCommandsAsync(everyone, BotCommandScope.Default(), "everyone", cancellationToken);
        var all = Menu(definitions);
        foreach (var moderator in botOptions.Value.Moderators.Telegram.Distinct(StringComparer.Ordinal))
        {
            if (long.TryParse(moderator, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
            {
                // A user's private chat has the user's id; the menu there shows the moderator commands too.
                await SetCommandsAsync(all, BotCommandScope.Chat(userId), "moderator " + moderator, cancellationToken);
            }
        }
    }

    private async Task SetCommandsAsync(IReadOnlyList<BotCommand> menu, BotCommandScope scope, string label, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SetMyCommands(commands: menu, scope: scope, cancellationToken: cancellationToken);
            TelegramLog.CommandsRegistered(logger, menu.Count, label);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the menu is missing (e.g. a moderator who never opened the bot): commands still work.
            TelegramLog.CommandsNotRegistered(logger, label, scrubber.Safe(exception));
        }
    }

    private async Task RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        try
        {
            await bot.SetWebhook(
                url: options.Value.WebhookUrl!,
                allowedUpdates: TelegramPollingReceiver.AllowedUpdates,
                secretToken: options.Value.WebhookSecret,
                cancellationToken: cancellationToken);
            TelegramLog.WebhookRegistered(logger);
            status.Set(true, "webhook set");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.WebhookNotRegistered(logger, scrubber.Safe(exception));
            status.Set(false, "webhook not registered");
        }
    }

    private static string Describe(string description, string name)
    {
        var text = string.IsNullOrWhiteSpace(description) ? name : description.Trim();
        return text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
