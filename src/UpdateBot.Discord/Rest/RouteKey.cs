namespace UpdateBot.Discord.Rest;

/// <summary>
/// The rate-limit identity of a path before Discord tells us its bucket: the route with minor ids replaced, and its
/// major parameter (channel, guild, or webhook id + token) kept apart, since buckets are split by it.
/// </summary>
internal readonly record struct RouteKey(string Route, string Major, bool Interaction)
{
    public static RouteKey Of(HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Split('/');
        var major = "";
        var interaction = segments.Length > 0 && segments[0] is "interactions" or "webhooks";
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : "";
            if (previous is "channels" or "guilds" && i == 1)
            {
                major = segments[i];
                segments[i] = "{major}";
            }
            else if (segments[0] == "webhooks" && i is 1 or 2)
            {
                major += segments[i] + "/";
                segments[i] = "{webhook}";
            }
            else if (segments[0] == "interactions" && i is 1 or 2)
            {
                // Each interaction has its own callback bucket.
                major += segments[i] + "/";
                segments[i] = "{interaction}";
            }
            else if (segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
            {
                segments[i] = "{id}";
            }
        }

        return new RouteKey(method.Method + " " + string.Join('/', segments), major, interaction);
    }
}
