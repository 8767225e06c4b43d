using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Telegram.Bot.Exceptions;
using UpdateBot.Core.Chats;

namespace UpdateBot.Telegram;

/// <summary>Turns what Telegram (or the network) said into the outcome the delivery engine acts on.</summary>
internal static partial class TelegramErrors
{
    /// <summary>
    /// Telegram refused the formatting, not the message: "can't parse entities", or a server that does not know the
    /// parse mode at all. The same content can still go out as plain text.
    /// </summary>
    public static bool IsCantParseEntities(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api
        && (api.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase)
            || api.Message.Contains("unsupported parse_mode", StringComparison.OrdinalIgnoreCase));

    public static bool IsNotModified(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api
        && api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    public static bool IsMessageGone(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api
        && (api.Message.Contains("message to delete not found", StringComparison.OrdinalIgnoreCase)
            || api.Message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a sendPhoto failure was about the picture (bad or unreachable URL), not the chat.</summary>
    public static bool IsPhotoProblem(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api
        && api.Parameters?.MigrateToChatId is null
        && !api.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        && !api.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    public static SendResult Map(Exception exception, TokenScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(scrubber);
        switch (exception)
        {
            case ApiRequestException api:
                var description = scrubber.Scrub(api.Message);
                var error = string.Create(CultureInfo.InvariantCulture, $"{api.ErrorCode} {description}");
                return api.ErrorCode switch
                {
                    429 => SendResult.Limited(TimeSpan.FromSeconds(RetryAfterSeconds(api))) with { Error = error },
                    400 when api.Parameters?.MigrateToChatId is { } to => new SendResult(SendOutcome.Moved)
                    {
                        MovedTo = new ChatAddress(TelegramPlatform.PlatformName, to.ToString(CultureInfo.InvariantCulture)),
                        Error = error,
                    },
                    403 => SendResult.Failed(SendOutcome.Forbidden, error),
                    400 => SendResult.Failed(SendOutcome.Rejected, error),

                    // A revoked token, a conflict or a server fault is not the message's fault: try again later.
                    _ => SendResult.Failed(SendOutcome.Transient, error),
                };
            case RequestException request:
                var status = request.HttpStatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) + " " : "";
                var outcome = request.HttpStatusCode is HttpStatusCode.TooManyRequests ? SendOutcome.RateLimited : SendOutcome.Transient;
                return outcome == SendOutcome.RateLimited
                    ? SendResult.Limited(TimeSpan.FromSeconds(1)) with { Error = status + scrubber.Scrub(request.Message) }
                    : SendResult.Failed(outcome, status + scrubber.Scrub(request.Message));
            case HttpRequestException or TimeoutException or IOException or TaskCanceledException:
                return SendResult.Failed(SendOutcome.Transient, exception.GetType().Name + ": " + scrubber.Scrub(exception.Message));
            default:
                return SendResult.Failed(SendOutcome.Transient, exception.GetType().Name + ": " + scrubber.Scrub(exception.Message));
        }
    }

    private static int RetryAfterSeconds(ApiRequestException api)
    {
        if (api.Parameters?.RetryAfter is > 0 and var seconds)
        {
            return seconds;
        }

        // Some servers only say it in the text: "Too Many Requests: retry after 7".
        var match = RetryAfterText().Match(api.Message);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : 1;
    }

    [GeneratedRegex(@"retry after (\d{1,6})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RetryAfterText();
}
