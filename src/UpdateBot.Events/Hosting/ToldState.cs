using System.Globalization;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// What a chat was told about an event, as the text kept in the <see cref="IReminderLog"/>:
/// "on|start|venue" or "off|start|venue" (cancelled), start in Unix seconds.
/// </summary>
internal sealed record ToldState(bool Cancelled, long Start, string? Venue)
{
    public static ToldState Of(EventRecord e) => new(e.Status == EventStatus.Cancelled, e.Start.ToUnixTimeSeconds(), e.Venue);

    public static ToldState? Parse(string text)
    {
        var parts = text.Split('|', 3);
        return parts.Length == 3 && parts[0] is "on" or "off" && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start)
            ? new ToldState(parts[0] == "off", start, parts[2].Length == 0 ? null : parts[2])
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Cancelled ? "off" : "on")}|{Start}|{Venue}");
}
