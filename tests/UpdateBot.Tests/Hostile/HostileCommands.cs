namespace UpdateBot.Tests.Hostile;

/// <summary>
/// A generated set of hostile commands: every command name (and some unknown ones) crossed with payloads that try
/// length, control characters, unclosed markup, mention injection, bidirectional tricks, absurd numbers and flags.
/// </summary>
internal static class HostileCommands
{
    public static readonly string[] Payloads =
    [
        new string('A', 5000),
        new string('<', 4200),
        string.Concat(Enumerable.Repeat("&amp;", 900)),
        "\u0000\u0001\u0007\u001b[31mred\u001b[0m\u007f",
        "<b>unclosed <i>tags <a href=\"javascript:alert(1)\">x",
        "</b></i></a></code></pre>",
        "<tg-spoiler>secret</tg-spoiler> <script>alert(1)</script>",
        "&lt;b&gt; &#x1F600; &bogus; & &#99999999;",
        "**bold** __under__ ~~strike~~ `code` ```block``` ||spoiler|| > quote # heading",
        "[click](https://evil.example) <https://evil.example>",
        "@everyone",
        "@here look",
        "<@123456789012345678> <@!123> <@&987654321> <#555>",
        "@\u200beveryone and @ everyone and ＠everyone",
        "\u202eevil\u202c \u200f\u200e\u2066text\u2069",
        "99999999999999999999999999",
        "-1",
        "1e309",
        "NaN",
        "0x10",
        "--evil",
        "--near",
        "--radius -5 Leeds",
        "--keywords " + string.Join(',', Enumerable.Repeat("kw", 500)),
        "\"unterminated quote",
        "\ud800 lone surrogate \udc00",
        "👩🏽‍⚕️ ✊🏿 🏳️‍🌈",
        "line1\nline2\r\nline3\rline4",
        "\\n\\n\\n",
        "/latest /latest /latest",
        "b00000000",
        "Leeds 25 extra arguments here",
        "%s %d {0} {{0}} ${PATH} $(rm -rf /)",
        "'; DROP TABLE entries; --",
        "\t\t\t",
        " ",
        "Newcastle\u0000upon\u0000Tyne",
        new string('\u200b', 3000),
        string.Concat(Enumerable.Repeat("<b>", 1400)),
        "https://example.org/" + new string('x', 3000),
    ];

    public static readonly string[] UnknownNames = ["frobnicate", "LATEST", "latest@OtherBot", "post@UpdateBot", "", "@everyone", "ev ents"];

    public static IEnumerable<string> Generate(IEnumerable<string> commandNames)
    {
        var names = commandNames.Concat(UnknownNames).ToList();
        foreach (var name in names)
        {
            foreach (var payload in Payloads)
            {
                yield return "/" + name + " " + payload;

                // After a plausible first argument, and followed by a flag, where parsers often slip.
                yield return "/" + name + " Leeds " + payload + " --now";
            }
        }

        // Payloads with no command at all, and as callback-like text.
        foreach (var payload in Payloads)
        {
            yield return payload;
        }
    }

    public static IEnumerable<string> Callbacks() =>
    [
        "latest:0:5", "latest:-1:5", "latest:99999999999:5", "latest:x:y", "latest::", "latest",
        "post:send:deadbeef", "post:cancel:", "post:", "nope:1", "", ":", new string('x', 64),
        "events:" + new string('9', 60), "latest:0:0", "latest:0:21",
    ];
}
