using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A tool of a MIA agent (<c>agent.tools[]</c>): either a custom function, an HTTPS endpoint MeetStream calls with
/// <c>{name, bot, args}</c> (or <c>args</c> alone with <see cref="PayloadArgsOnly"/>) and the headers
/// <c>X-Bot-ID</c> (always) and <c>X-Agent-ID</c>; or a tool referenced by name only (<see cref="Reference"/>), which
/// is sent as a plain string. Header values may hold credentials: <see cref="ToString"/> never prints them.
/// </summary>
public sealed class AgentTool : MeetStreamObject
{
    /// <summary>The function name the model calls; unique among the agent's tools.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What the function does and when to call it (the model reads this).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The public HTTPS endpoint MeetStream calls.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The HTTP method, e.g. <c>POST</c>; GET and DELETE send no body by default.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>The JSON schema of the arguments (an object schema with <c>properties</c> and <c>required</c>).</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; init; }

    /// <summary>
    /// Headers sent to the endpoint. A value may be <c>env:VAR</c> (the whole value only) to use a variable provisioned
    /// in MeetStream's runtime.
    /// </summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Whether the body is the arguments alone instead of <c>{name, bot, args}</c>.</summary>
    [JsonPropertyName("payload_args_only")]
    public bool? PayloadArgsOnly { get; init; }

    /// <summary>Seconds to wait for the endpoint.</summary>
    [JsonPropertyName("timeout_s")]
    public double? TimeoutSeconds { get; init; }

    /// <summary>How many times MeetStream retries a failed call (writes must tolerate repeats).</summary>
    [JsonPropertyName("retries")]
    public int? Retries { get; init; }

    /// <summary>The most characters of the endpoint's answer passed to the model.</summary>
    [JsonPropertyName("response_cap_chars")]
    public int? ResponseCapChars { get; init; }

    /// <summary>Whether the agent speaks a filler line while the call runs.</summary>
    [JsonPropertyName("speak_during_execution")]
    public bool? SpeakDuringExecution { get; init; }

    /// <summary>Whether the agent speaks after the call completes; <see langword="false"/> for silent completion.</summary>
    [JsonPropertyName("speak_after_execution")]
    public bool? SpeakAfterExecution { get; init; }

    /// <summary>Gets whether this tool is only a name reference (sent and received as a plain JSON string).</summary>
    [JsonIgnore]
    public bool IsReference { get; private init; }

    /// <summary>References a tool by name only (the OpenAPI's <c>tools: string[]</c> form).</summary>
    /// <param name="name">The tool's name.</param>
    /// <returns>A tool sent as the string <paramref name="name"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static AgentTool Reference(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new AgentTool { Name = name, IsReference = true };
    }

    /// <summary>Describes the tool without header values.</summary>
    /// <returns>Name, method, URL and header names.</returns>
    public override string ToString() => IsReference
        ? $"AgentTool {{ Reference = {Name} }}"
        : $"AgentTool {{ Name = {Name}, Method = {Method}, Url = {Url}, Headers = [{(Headers is null ? string.Empty : string.Join(", ", Headers.Keys.Select(k => k + "=***")))}] }}";
}
