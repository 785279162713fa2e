using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The live JigsawStack provider (<c>jigsawstack_streaming</c>). MeetStream documents no fields; put any in
/// <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class JigsawStackStreamingTranscription : MeetStreamObject
{
}
