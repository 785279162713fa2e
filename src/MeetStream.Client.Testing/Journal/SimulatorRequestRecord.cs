using System.Text.Json.Serialization;

namespace MeetStream.Client.Testing;

/// <summary>One REST call the simulator received and what it answered, for assertions on what a client sent.</summary>
public sealed class SimulatorRequestRecord
{
    /// <summary>Gets the position of this record among everything the journal holds (requests and webhooks).</summary>
    [JsonPropertyName("sequence")]
    public long Sequence { get; init; }

    /// <summary>Gets the virtual time the request arrived.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>Gets the path relative to the API base (e.g. <c>/bots/abc/status</c>).</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>Gets the query string including the leading <c>?</c>, or an empty string.</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>Gets the documented route the request matched (e.g. <c>/bots/{bot_id}/status</c>).</summary>
    [JsonPropertyName("route")]
    public required string Route { get; init; }

    /// <summary>Gets the request headers; <c>Authorization</c> is masked.</summary>
    [JsonPropertyName("headers")]
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the request body as text (empty when there was none).</summary>
    [JsonPropertyName("body")]
    public required string Body { get; init; }

    /// <summary>Gets the status code the simulator answered.</summary>
    [JsonPropertyName("status_code")]
    public int StatusCode { get; init; }

    /// <summary>Gets the response body as text.</summary>
    [JsonPropertyName("response_body")]
    public required string ResponseBody { get; init; }

    /// <summary>Gets whether the answer was an injected fault (see <see cref="SimulatorFaults"/>).</summary>
    [JsonPropertyName("fault")]
    public bool Fault { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{Query} -> {StatusCode}";
}
