namespace UpdateBot.Telegram;

/// <summary>
/// Telegram.Bot keeps only the scheme and authority of a custom base URL. When ApiBaseUrl has a path
/// ("http://host/telegram"), this puts it back so requests go to {ApiBaseUrl}/bot{token}/{method}.
/// </summary>
internal sealed class PathPrefixHandler(string prefix) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && !uri.AbsolutePath.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            request.RequestUri = new UriBuilder(uri) { Path = prefix + uri.AbsolutePath }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
