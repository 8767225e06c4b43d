using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Storage;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.Feeds;

/// <summary>/feed.atom and /feed.json: the merged timeline (breaking entries included), newest first.</summary>
internal sealed class FeedEndpoints(IEntryStore entries, IOptions<WebOptions> options, TimeProvider time)
{
    public async Task AtomAsync(HttpContext context)
    {
        var feed = await LoadAsync(context, "/feed.atom");
        await Responses.BytesAsync(context, AtomFeedWriter.ContentType, AtomFeedWriter.Write(feed));
    }

    public async Task JsonAsync(HttpContext context)
    {
        var feed = await LoadAsync(context, "/feed.json");
        await Responses.BytesAsync(context, JsonFeedWriter.ContentType, JsonFeedWriter.Write(feed));
    }

    private async Task<FeedDocument> LoadAsync(HttpContext context, string path)
    {
        var settings = options.Value;
        var count = settings.FeedEntries;
        if (int.TryParse(context.Request.Query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0)
        {
            count = Math.Min(asked, settings.FeedEntries);
        }

        var latest = await entries.GetLatestAsync(count, 0, context.RequestAborted);
        var updated = latest.Count == 0 ? time.GetUtcNow() : latest.Max(e => e.Updated ?? e.Published);
        var baseUrl = Responses.BaseUrl(context, settings);
        context.Response.Headers.CacheControl = "public, max-age=30";
        return new FeedDocument(settings.Title, baseUrl + "/", baseUrl + path, FeedIds.Urn("feed\u001f" + (settings.PublicBaseUrl ?? settings.Title)), updated, latest);
    }
}
