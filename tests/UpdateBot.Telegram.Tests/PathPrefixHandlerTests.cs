using System.Net;

namespace UpdateBot.Telegram.Tests;

public sealed class PathPrefixHandlerTests
{
    [Fact]
    public async Task The_path_of_ApiBaseUrl_is_put_back_in_front_of_the_bot_path()
    {
        var seen = new List<Uri>();
        using var handler = new PathPrefixHandler("/telegram") { InnerHandler = new Recorder(seen) };
        using var client = new HttpClient(handler);

        await client.PostAsync(new Uri("http://127.0.0.1:8081/bot1:x/getMe"), null);
        await client.PostAsync(new Uri("http://127.0.0.1:8081/telegram/bot1:x/getMe"), null);

        Assert.Equal("/telegram/bot1:x/getMe", seen[0].AbsolutePath);
        Assert.Equal("/telegram/bot1:x/getMe", seen[1].AbsolutePath);
    }

    private sealed class Recorder(List<Uri> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
