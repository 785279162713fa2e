using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The answer of <c>DELETE /mia</c>.</summary>
public sealed class DeleteAgentResponse : MeetStreamObject
{
    /// <summary>MeetStream's confirmation text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
