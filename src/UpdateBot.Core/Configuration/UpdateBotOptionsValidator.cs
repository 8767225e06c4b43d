using Microsoft.Extensions.Options;

namespace UpdateBot.Core.Configuration;

/// <summary>Checks what DataAnnotations cannot, naming the configuration key at fault.</summary>
public sealed class UpdateBotOptionsValidator : IValidateOptions<UpdateBotOptions>
{
    public ValidateOptionsResult Validate(string? name, UpdateBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeZones.TryFind(options.TimeZone, out _))
        {
            failures.Add($"UpdateBot:TimeZone '{options.TimeZone}' is not a known IANA time zone (e.g. Europe/London).");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var key = $"UpdateBot:Sources:{i}";
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                failures.Add($"{key}:Name is required.");
            }
            else if (!names.Add(source.Name))
            {
                failures.Add($"{key}:Name '{source.Name}' is used by another source.");
            }

            if (string.IsNullOrWhiteSpace(source.Url))
            {
                failures.Add($"{key}:Url is required.");
            }
            else if (!IsHttpUrl(source.Url) && !File.Exists(source.Url))
            {
                failures.Add($"{key}:Url '{source.Url}' is neither an http(s) URL nor an existing file.");
            }

            if (source.PollInterval < TimeSpan.FromSeconds(1))
            {
                failures.Add($"{key}:PollInterval must be at least 00:00:01.");
            }

            if (source.MaxPollInterval is { } max && max < source.PollInterval)
            {
                failures.Add($"{key}:MaxPollInterval must not be shorter than PollInterval.");
            }

            if (source.TimeZone is { } zone && !TimeZones.TryFind(zone, out _))
            {
                failures.Add($"{key}:TimeZone '{zone}' is not a known IANA time zone.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
