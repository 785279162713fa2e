using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /bots/{bot_id}/update_mia</c>: changes the running MIA agent session of a bot. Applied
/// asynchronously and <b>not persisted</b> (change the stored agent with the agents client for that). MeetStream
/// documents these four keys only; send others through <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class UpdateAgentSessionRequest : MeetStreamObject
{
    /// <summary>Gets the new system prompt (<c>system_prompt</c>).</summary>
    [JsonPropertyName("system_prompt")]
    public string? SystemPrompt { get; init; }

    /// <summary>Gets new session parameters, e.g. prompt template values (<c>parameters</c>; an object).</summary>
    [JsonPropertyName("parameters")]
    public JsonObject? Parameters { get; init; }

    /// <summary>Gets whether the agent only answers after a wake word (<c>wake_word_enabled</c>).</summary>
    [JsonPropertyName("wake_word_enabled")]
    public bool? WakeWordEnabled { get; init; }

    /// <summary>Gets the wake words (<c>wake_words</c>).</summary>
    [JsonPropertyName("wake_words")]
    public IReadOnlyList<string>? WakeWords { get; init; }
}
