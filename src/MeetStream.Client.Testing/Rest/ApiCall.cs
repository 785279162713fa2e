using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MeetStream.Client.Testing;

/// <summary>One REST call as a route handler sees it: route values, query, headers and the buffered body.</summary>
internal sealed class ApiCall
{
    private JsonNode? _json;
    private bool _parsed;

    public ApiCall(HttpContext http, string route, byte[] body)
    {
        Http = http;
        Route = route;
        RawBody = body;
    }

    public HttpContext Http { get; }

    public string Route { get; }

    public byte[] RawBody { get; }

    public string Method => Http.Request.Method;

    public string PathValue(string name) => Http.Request.RouteValues[name]?.ToString() ?? string.Empty;

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public IEnumerable<KeyValuePair<string, string>> QueryPairs() =>
        Http.Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()));

    public string? Header(string name) => Http.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The body as a JSON object; 400 when it is missing, malformed or not an object.</summary>
    public JsonObject Body()
    {
        return OptionalBody() ?? throw ApiError.BadRequest("A JSON object body is required (Content-Type: application/json).");
    }

    /// <summary>The body as a JSON object, or null when there is none; 400 when it is malformed or not an object.</summary>
    public JsonObject? OptionalBody()
    {
        if (!_parsed)
        {
            _parsed = true;
            if (RawBody.Length > 0 && RawBody.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                try
                {
                    _json = JsonNode.Parse(RawBody);
                }
                catch (JsonException ex)
                {
                    throw ApiError.BadRequest($"The request body is not valid JSON: {ex.Message}");
                }
            }
        }

        return _json switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw ApiError.BadRequest($"The request body must be a JSON object, not {_json.GetValueKind()}."),
        };
    }

    /// <summary>A boolean query parameter (<c>true</c>/<c>false</c>/1/0); 400 when it is something else.</summary>
    public bool? QueryBool(string name)
    {
        var value = Query(name);
        if (value is null)
        {
            return null;
        }

        return value.ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw ApiError.BadRequest($"Query parameter '{name}' must be true or false; got '{value}'."),
        };
    }

    /// <summary>An integer query parameter within a range; 400 otherwise.</summary>
    public int? QueryInt(string name, int min, int max)
    {
        var value = Query(name);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw ApiError.BadRequest($"Query parameter '{name}' must be an integer between {min} and {max}; got '{value}'.");
        }

        return number;
    }
}
