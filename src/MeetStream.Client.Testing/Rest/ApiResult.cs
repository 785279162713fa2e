using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>What a route handler answers: a status, a JSON body (or raw bytes) and extra headers.</summary>
internal sealed class ApiResult
{
    public ApiResult(int status, JsonNode? body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public JsonNode? Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResult Ok(JsonNode body) => new(200, body);

    public static ApiResult Created(JsonNode body) => new(201, body);

    public static ApiResult NoContent() => new(204, null);

    public static ApiResult Message(int status, string message) => new(status, new JsonObject { ["message"] = message });
}
