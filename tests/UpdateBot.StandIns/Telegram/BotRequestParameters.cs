using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UpdateBot.StandIns.Telegram;

/// <summary>
/// The parameters of one Bot API call, whichever way they came: query string, form-urlencoded, multipart or JSON.
/// Form values are strings; nested objects sent as form fields are JSON text and parsed when asked for.
/// </summary>
internal sealed class BotRequestParameters(JsonObject values)
{
    public JsonObject Values { get; } = values;

    public static async Task<BotRequestParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        var type = request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (body is JsonObject json)
            {
                foreach (var (key, value) in json.ToList())
                {
                    json.Remove(key);
                    values[key] = value;
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                values[file.Name] = "attach://" + file.FileName;
            }
        }

        return new BotRequestParameters(values);
    }

    public bool Has(string name) => Values[name] is not null;

    public string? String(string name) => Values[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        var other => other.ToJsonString(),
    };

    public long? Long(string name) =>
        long.TryParse(String(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    public double? Double(string name) =>
        double.TryParse(String(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    public bool Bool(string name) => String(name) is "true" or "True" or "1";

    /// <summary>An object or array parameter, whether sent as JSON or as JSON text in a form field.</summary>
    public JsonNode? Node(string name)
    {
        var node = Values[name];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node;
    }
}
