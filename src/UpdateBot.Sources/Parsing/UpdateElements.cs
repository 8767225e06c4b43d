using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Finds the element in the page that shows each update structured data lists: by id (the update's <c>@id</c> or its
/// URL's fragment is an element's id, or the end of one, as <c>block-&lt;id&gt;</c>), or by time (the one
/// <c>time[datetime]</c> showing the update's exact instant, widened to the largest part of the page that shows no other
/// update). An element that holds another update's element is no update's own, and is dropped.
/// </summary>
internal static class UpdateElements
{
    /// <summary>Shortest id matched as the end of an element's id ("block-&lt;id&gt;"): a short one ("1") could end anything.</summary>
    private const int MinSuffixLength = 6;

    /// <summary>Each update's element by its id or URL fragment, or null where there is none.</summary>
    public static HtmlElement?[] ById(HtmlDocument document, IReadOnlyList<(string? Id, string? Url)> updates)
    {
        var result = new HtmlElement?[updates.Count];
        var wanted = new List<(int Index, string Key)>();
        for (var i = 0; i < updates.Count; i++)
        {
            foreach (var key in Keys(updates[i].Id, updates[i].Url))
            {
                wanted.Add((i, key));
            }
        }

        if (wanted.Count == 0)
        {
            return result;
        }

        var exact = new Dictionary<string, HtmlElement>(StringComparer.Ordinal);
        var suffixes = new Dictionary<string, HtmlElement>(StringComparer.Ordinal);
        foreach (var element in document.All())
        {
            if (element.Id is not { Length: > 0 } id)
            {
                continue;
            }

            exact.TryAdd(id, element);
            for (var i = 0; i < id.Length - MinSuffixLength; i++)
            {
                if (id[i] is '-' or '_' or ':')
                {
                    suffixes.TryAdd(id[(i + 1)..], element);
                }
            }
        }

        foreach (var (index, key) in wanted)
        {
            if (result[index] is null &&
                (exact.GetValueOrDefault(key) ?? (key.Length >= MinSuffixLength ? suffixes.GetValueOrDefault(key) : null)) is { } found &&
                !IsPageLevel(found))
            {
                result[index] = found;
            }
        }

        return Disjoint(result);
    }

    /// <summary>
    /// Each update's element by its exact instant, where one <c>time[datetime]</c> in the page shows it and no other
    /// update has it; the element is the largest ancestor of that time that holds no other update's time.
    /// </summary>
    public static HtmlElement?[] ByTime(HtmlDocument document, IReadOnlyList<DateTimeOffset?> instants, TimeZoneInfo zone)
    {
        var result = new HtmlElement?[instants.Count];
        var updatesAt = new Dictionary<DateTimeOffset, int>();
        for (var i = 0; i < instants.Count; i++)
        {
            if (instants[i] is { } instant)
            {
                updatesAt[instant.ToUniversalTime()] = updatesAt.ContainsKey(instant.ToUniversalTime()) ? -1 : i;
            }
        }

        var timesAt = new Dictionary<DateTimeOffset, List<HtmlElement>>();
        foreach (var element in (document.Body ?? document.DocumentElement).Descendants())
        {
            if (element.LocalName == "time" && ElementTimes.Instant(element, zone) is { } shown &&
                updatesAt.TryGetValue(shown.ToUniversalTime(), out var index) && index >= 0)
            {
                if (!timesAt.TryGetValue(shown.ToUniversalTime(), out var list))
                {
                    timesAt[shown.ToUniversalTime()] = list = [];
                }

                list.Add(element);
            }
        }

        var times = new List<(int Index, HtmlElement Time)>();
        foreach (var (instant, list) in timesAt)
        {
            if (list.Count == 1)
            {
                times.Add((updatesAt[instant], list[0]));
            }
        }

        // Without two updates to bound it, a time's element would grow to the whole page.
        if (times.Count < 2)
        {
            return result;
        }

        var below = new Dictionary<HtmlElement, int>();
        foreach (var (_, time) in times)
        {
            for (var e = time.ParentElement; e is not null; e = e.ParentElement)
            {
                below[e] = below.GetValueOrDefault(e) + 1;
            }
        }

        foreach (var (index, time) in times)
        {
            var element = time;
            while (element.ParentElement is { } parent && below[parent] == 1 && !IsPageLevel(parent))
            {
                element = parent;
            }

            result[index] = element;
        }

        return result;
    }

    /// <summary>The ids an update may have in the page: its URL's fragment, and its <c>@id</c> (or that one's fragment).</summary>
    private static IEnumerable<string> Keys(string? id, string? url)
    {
        if (Fragment(url) is { } fragment)
        {
            yield return fragment;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            yield break;
        }

        if (Fragment(id) is { } idFragment)
        {
            yield return idFragment;
        }
        else if (!id.Contains("://", StringComparison.Ordinal) && !id.Contains('/', StringComparison.Ordinal))
        {
            yield return id.Trim();
        }
    }

    private static string? Fragment(string? url)
    {
        var hash = url?.IndexOf('#', StringComparison.Ordinal) ?? -1;
        return hash >= 0 && hash < url!.Length - 1 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
    }

    private static bool IsPageLevel(HtmlElement element) => element.LocalName is "html" or "body" or "head" or "main";

    /// <summary>Drops an element found for two updates, and one that holds another update's element.</summary>
    private static HtmlElement?[] Disjoint(HtmlElement?[] found)
    {
        var uses = new Dictionary<HtmlElement, int>();
        foreach (var element in found)
        {
            if (element is not null)
            {
                uses[element] = uses.GetValueOrDefault(element) + 1;
            }
        }

        var holders = new HashSet<HtmlElement>();
        foreach (var element in uses.Keys)
        {
            for (var e = element.ParentElement; e is not null; e = e.ParentElement)
            {
                if (uses.ContainsKey(e))
                {
                    holders.Add(e);
                }
            }
        }

        return [.. found.Select(e => e is not null && uses[e] == 1 && !holders.Contains(e) ? e : null)];
    }
}
