using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UpdateBot.StandIns.Telegram;

namespace UpdateBot.Telegram.Tests;

/// <summary>The stand-in itself behaves like the Bot API (protocols.md §4–6), spoken to with a plain HttpClient.</summary>
public sealed class StandInTests
{
    [Fact]
    public async Task Errors_use_the_real_shape_with_status_equal_to_error_code()
    {
        await using var server = await TelegramStandIn.StartAsync();
        using var http = new HttpClient();

        var wrongToken = await http.PostAsync(new Uri($"{server.BaseUrl}/bot1:nope/getMe"), null);
        var unknownMethod = await http.PostAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/fly"), null);
        var noChat = await http.PostAsJsonAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage"), new { chat_id = 5, text = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownMethod.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noChat.StatusCode);
        var body = JsonNode.Parse(await noChat.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["ok"]!);
        Assert.Equal(400, (int)body["error_code"]!);
        Assert.Equal("Bad Request: chat not found", (string?)body["description"]);
    }

    [Fact]
    public async Task Form_and_query_parameters_work_and_parse_mode_is_case_insensitive()
    {
        await using var server = await TelegramStandIn.StartAsync();
        server.AddChat(10);
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "10", ["text"] = "<b>bold</b> &amp; x", ["parse_mode"] = "HTML" });

        var viaForm = await http.PostAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage"), form);
        var viaQuery = await http.GetAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage?chat_id=10&text=plain&parse_mode=hTmL"));
        var badMode = await http.GetAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage?chat_id=10&text=x&parse_mode=rtf"));

        Assert.Equal(HttpStatusCode.OK, viaForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Equal(["bold & x", "plain"], server.MessagesIn(10).Select(m => m.VisibleText));
    }

    [Theory]
    [InlineData("<b>open")]
    [InlineData("a < b")]
    [InlineData("fish & chips")]
    [InlineData("<br>")]
    [InlineData("<b><i>x</b></i>")]
    public async Task Bad_html_is_refused_with_cant_parse_entities(string text)
    {
        await using var server = await TelegramStandIn.StartAsync();
        server.AddChat(10);
        using var http = new HttpClient();

        var response = await http.PostAsJsonAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage"), new { chat_id = 10, text, parse_mode = "Html" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("can't parse entities", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_4096_visible_characters_is_too_long_but_markup_does_not_count()
    {
        await using var server = await TelegramStandIn.StartAsync();
        server.AddChat(10);
        using var http = new HttpClient();
        var url = new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage");

        var fits = await http.PostAsJsonAsync(url, new { chat_id = 10, text = "<b>" + new string('a', 4096) + "</b>", parse_mode = "Html" });
        var tooLong = await http.PostAsJsonAsync(url, new { chat_id = 10, text = new string('a', 4097) });

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Contains("message is too long", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_answer_429_with_retry_after_in_body_and_header()
    {
        await using var server = await TelegramStandIn.StartAsync(new TelegramStandInOptions { Limits = TelegramStandInLimits.Telegram with { PerChatBurst = 1 } });
        server.AddChat(10);
        using var http = new HttpClient();
        var url = new Uri($"{server.BaseUrl}/bot{server.Token}/sendMessage");

        await http.PostAsJsonAsync(url, new { chat_id = 10, text = "1" });
        var limited = await http.PostAsJsonAsync(url, new { chat_id = 10, text = "2" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)body["parameters"]!["retry_after"]!);
        Assert.Equal("Too Many Requests: retry after 1", (string?)body["description"]);
        Assert.Equal(1, server.TooManyRequestsCount);
        Assert.Equal(1, server.SentCount);
    }

    [Fact]
    public async Task GetUpdates_confirms_by_offset_and_a_second_poller_ends_the_first_with_409()
    {
        await using var server = await TelegramStandIn.StartAsync();
        using var http = new HttpClient();
        var url = new Uri($"{server.BaseUrl}/bot{server.Token}/getUpdates");
        var first = server.SendText(10, 10, "/start");

        var once = JsonNode.Parse(await (await http.PostAsJsonAsync(url, new { timeout = 0 })).Content.ReadAsStringAsync())!;
        var again = JsonNode.Parse(await (await http.PostAsJsonAsync(url, new { timeout = 0 })).Content.ReadAsStringAsync())!;
        var confirmed = JsonNode.Parse(await (await http.PostAsJsonAsync(url, new { offset = first + 1, timeout = 0 })).Content.ReadAsStringAsync())!;

        Assert.Equal(first, (int)once["result"]![0]!["update_id"]!);
        Assert.Single(again["result"]!.AsArray());
        Assert.Empty(confirmed["result"]!.AsArray());

        var waiting = http.PostAsJsonAsync(url, new { offset = first + 1, timeout = 30 });
        await server.WaitUntilAsync(() => server.GetUpdatesCalls == 4, what: "the long poll to begin");
        var second = http.PostAsJsonAsync(url, new { offset = first + 1, timeout = 0 });

        Assert.Equal(HttpStatusCode.Conflict, (await waiting).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Equal(1, server.GetUpdatesConflicts);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives()
    {
        await using var server = await TelegramStandIn.StartAsync();
        using var http = new HttpClient();
        var url = new Uri($"{server.BaseUrl}/bot{server.Token}/getUpdates");

        var waiting = http.PostAsJsonAsync(url, new { timeout = 100 });
        await server.WaitUntilAsync(() => server.GetUpdatesCalls == 1, what: "the long poll to begin");
        server.SendText(10, 10, "hello");
        var result = JsonNode.Parse(await (await waiting).Content.ReadAsStringAsync())!;

        Assert.Equal("hello", (string?)result["result"]![0]!["message"]!["text"]);
    }
}
