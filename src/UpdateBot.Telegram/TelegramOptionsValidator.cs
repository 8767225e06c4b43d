using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace UpdateBot.Telegram;

/// <summary>Checks what DataAnnotations cannot, naming the key at fault and never echoing the token.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string Key = TelegramOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (!TokenShape().IsMatch(options.Token))
        {
            failures.Add($"{Key}:Token is not a bot token of the form 123456:ABC… (as given by @BotFather).");
        }

        if (options.ApiBaseUrl is { Length: > 0 } baseUrl && !IsHttpUrl(baseUrl))
        {
            failures.Add($"{Key}:ApiBaseUrl must be an absolute http(s) URL such as http://localhost:8081.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (options.WebhookUrl is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"{Key}:WebhookUrl must be an absolute https URL in Webhook mode.");
            }

            if (options.WebhookSecret is not { } secret || !SecretShape().IsMatch(secret))
            {
                failures.Add($"{Key}:WebhookSecret is required in Webhook mode: 1–256 characters of A-Z, a-z, 0-9, _ and -.");
            }
        }

        if (options.AdminCacheDuration < TimeSpan.Zero || options.AdminCacheDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"{Key}:AdminCacheDuration must be between 00:00:00 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^\d{1,16}:[^\s/?#]{1,200}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,256}$")]
    private static partial Regex SecretShape();
}
