using Microsoft.Extensions.Options;

namespace UpdateBot.Web;

/// <summary>Checks the URLs: listen URLs must be http(s) with a host; the public base URL absolute http(s).</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        foreach (var url in ListenUrls(options))
        {
            var candidate = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"{WebOptions.SectionName}:Urls '{url}' is not an http(s) URL such as http://127.0.0.1:5080.");
            }
        }

        if (options.Enabled && ListenUrls(options).Count == 0)
        {
            failures.Add($"{WebOptions.SectionName}:Urls must name at least one URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https")))
        {
            failures.Add($"{WebOptions.SectionName}:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) URL.");
        }

        if (options.WebSub.CheckInterval <= TimeSpan.Zero || options.WebSub.VerifyTimeout <= TimeSpan.Zero || options.WebSub.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{WebOptions.SectionName}:WebSub intervals must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static IReadOnlyList<string> ListenUrls(WebOptions options) =>
        options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
