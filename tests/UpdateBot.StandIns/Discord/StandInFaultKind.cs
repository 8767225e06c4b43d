namespace UpdateBot.StandIns.Discord;

public enum StandInFaultKind
{
    /// <summary>429 scope user, JSON body with float retry_after, bucket headers.</summary>
    RateLimited,

    /// <summary>429 global: X-RateLimit-Global, scope global, global:true.</summary>
    GlobalRateLimited,

    /// <summary>429 scope shared (does not count as invalid).</summary>
    SharedRateLimited,

    /// <summary>Cloudflare's HTML 429 page ("error code: 1015"), no rate-limit headers, Retry-After in whole seconds.</summary>
    CloudflareHtml429,

    /// <summary>502 with Cloudflare's HTML page.</summary>
    BadGatewayHtml,

    /// <summary>500 with a JSON body.</summary>
    ServerError,

    /// <summary>403 code 50013 Missing Permissions.</summary>
    MissingPermissions,

    /// <summary>403 code 50001 Missing Access.</summary>
    MissingAccess,

    /// <summary>404 code 10003 Unknown Channel.</summary>
    UnknownChannel,

    /// <summary>Never answer (the request times out on the client).</summary>
    Hang,
}
