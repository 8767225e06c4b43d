using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;

namespace UpdateBot.Core;

/// <summary>The zone each source's times are shown in: its own setting, else the bot's (default Europe/London).</summary>
public sealed class FeedTimeZones(IOptionsMonitor<UpdateBotOptions> options)
{
    public TimeZoneInfo Default => TimeZones.TryFind(options.CurrentValue.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public TimeZoneInfo For(string sourceName)
    {
        var source = options.CurrentValue.Sources.FirstOrDefault(s => string.Equals(s.Name, sourceName, StringComparison.OrdinalIgnoreCase));
        return source?.TimeZone is { } id && TimeZones.TryFind(id, out var zone) ? zone : Default;
    }
}
