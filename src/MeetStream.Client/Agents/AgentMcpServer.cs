using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// An MCP server a MIA agent can call (<c>agent.mcp_servers[]</c>). The URL must be public HTTPS (a local server
/// needs a tunnel). Header values may hold credentials: <see cref="ToString"/> never prints them.
/// </summary>
public sealed class AgentMcpServer : MeetStreamObject
{
    /// <summary>The server's public HTTPS URL, e.g. <c>https://tools.example.com/mcp</c>. Required.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>A label for the server (not documented; set when MeetStream returns servers keyed by name).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Headers sent to the server, e.g. <c>Authorization</c>.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The tools the agent may use; <see langword="null"/> for all.</summary>
    [JsonPropertyName("allowed_tools")]
    public IReadOnlyList<string>? AllowedTools { get; init; }

    /// <summary>Seconds to wait for the server (guide example: 10).</summary>
    [JsonPropertyName("timeout")]
    public double? Timeout { get; init; }

    /// <summary>Describes the server without header values.</summary>
    /// <returns>URL, name and header names.</returns>
    public override string ToString() =>
        $"AgentMcpServer {{ Url = {Url}, Name = {Name}, Headers = [{(Headers is null ? string.Empty : string.Join(", ", Headers.Keys.Select(k => k + "=***")))}] }}";
}
