using System.ComponentModel.DataAnnotations;

namespace UpdateBot.Discord;

/// <summary>Settings of the Discord adapter ("UpdateBot:Discord"). Discord is on when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string SectionName = "UpdateBot:Discord";

    /// <summary>The bot token (from configuration or environment only; never logged).</summary>
    public string? Token { get; set; }

    /// <summary>The application's id; when missing it is read from READY.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "UpdateBot:Discord:ApplicationId must be a numeric snowflake.")]
    public string? ApplicationId { get; set; }

    /// <summary>REST base without the version; the client appends /v10/....</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api");

    /// <summary>Overrides the URL from GET /gateway/bot.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Guilds to register commands in (instant); empty registers them globally.</summary>
    public IList<string> GuildIds { get; } = [];

    /// <summary>Total shards; null uses Discord's recommendation.</summary>
    [Range(1, 10_000)]
    public int? ShardCount { get; set; }

    /// <summary>Shards this process runs; empty runs all of them.</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>
    /// Permission bits (a decimal string) a moderator command asks for: Discord shows those commands only to members
    /// holding them. Default MANAGE_GUILD (32).
    /// </summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "UpdateBot:Discord:ModeratorPermission must be a decimal permission bitset.")]
    public string ModeratorPermission { get; set; } = "32";

    /// <summary>When true, members holding <see cref="ModeratorPermission"/> count as moderators (not only those with a role below).</summary>
    public bool TrustModeratorPermission { get; set; }

    /// <summary>Role ids whose members count as moderators.</summary>
    public IList<string> ModeratorRoleIds { get; } = [];

    /// <summary>How long a send may wait for its rate-limit bucket before it reports RateLimited instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxSendWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Invalid requests (401/403/429) per 10 minutes after which the client stops sending (Discord bans at 10,000).</summary>
    [Range(10, 9_000)]
    public int InvalidRequestBudget { get; set; } = 2_000;

    /// <summary>How long an interaction may run before the bot defers its answer (Discord allows 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.800")]
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Token is { } token && (token.Contains(' ', StringComparison.Ordinal) || token.StartsWith("Bot", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult("UpdateBot:Discord:Token must be the bare bot token, without 'Bot ' or spaces.", [nameof(Token)]);
        }

        if (!ApiBaseUrl.IsAbsoluteUri || (ApiBaseUrl.Scheme != Uri.UriSchemeHttps && ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("UpdateBot:Discord:ApiBaseUrl must be an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }

        if (GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
        {
            yield return new ValidationResult("UpdateBot:Discord:GatewayUrl must be an absolute ws(s) URL.", [nameof(GatewayUrl)]);
        }

        foreach (var id in GuildIds.Concat(ModeratorRoleIds))
        {
            if (id.Length == 0 || id.Length > 20 || !id.All(char.IsAsciiDigit))
            {
                yield return new ValidationResult($"UpdateBot:Discord: '{id}' is not a numeric snowflake id.", [nameof(GuildIds)]);
            }
        }

        var count = ShardCount ?? 1;
        foreach (var shard in ShardIds)
        {
            if (shard < 0 || (ShardCount is not null && shard >= count))
            {
                yield return new ValidationResult($"UpdateBot:Discord:ShardIds: shard {shard} is outside 0..{count - 1}.", [nameof(ShardIds)]);
            }
        }

        if (ShardIds.Count > 0 && ShardCount is null)
        {
            yield return new ValidationResult("UpdateBot:Discord:ShardIds needs ShardCount.", [nameof(ShardCount)]);
        }
    }
}
