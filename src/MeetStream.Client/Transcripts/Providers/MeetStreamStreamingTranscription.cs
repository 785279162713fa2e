using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// MeetStream's live provider (<c>meetstream_streaming</c>). MeetStream documents no fields; put any in
/// <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class MeetStreamStreamingTranscription : MeetStreamObject
{
}
