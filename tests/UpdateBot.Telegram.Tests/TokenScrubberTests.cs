namespace UpdateBot.Telegram.Tests;

public sealed class TokenScrubberTests
{
    private const string Token = "987654:SecretPart_abc-DEF";

    [Fact]
    public void The_token_and_any_token_shaped_path_are_hidden()
    {
        var scrubber = new TokenScrubber(Token);

        var text = scrubber.Scrub($"POST http://h/bot{Token}/sendMessage and /bot111:other/getMe and {Uri.EscapeDataString(Token)}");

        Assert.DoesNotContain("SecretPart", text, StringComparison.Ordinal);
        Assert.DoesNotContain("other", text, StringComparison.Ordinal);
        Assert.Contains("sendMessage", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_exceptions_keep_the_chain_of_messages_without_the_token_or_inner_objects()
    {
        var scrubber = new TokenScrubber(Token);
        var inner = new HttpRequestException($"failed at https://api.telegram.org/bot{Token}/getUpdates");

        var safe = scrubber.Safe(new InvalidOperationException("outer", inner));

        Assert.Null(safe.InnerException);
        Assert.Contains("HttpRequestException", safe.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, safe.ToString(), StringComparison.Ordinal);
    }
}
