using System.Text.Json.Nodes;

namespace LambdaPipeline;

/// <summary>How the webhook function answered one delivery.</summary>
/// <param name="StatusCode">The HTTP status MeetStream got.</param>
/// <param name="Body">The function's JSON body (<c>status</c>, <c>event</c>, <c>bot_id</c>, <c>effect</c>), if any.</param>
/// <param name="Error">The function error, when it failed (API Gateway answered 502).</param>
internal sealed record WebhookAnswer(int StatusCode, JsonNode? Body, string? Error);
