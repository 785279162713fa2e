using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The platform's native captions (<c>meeting_captions</c>, Meet and Teams): no settings, no <c>transcript_id</c>;
/// read <c>bot_details.caption_file</c> instead.
/// </summary>
public sealed class MeetingCaptionsTranscription : MeetStreamObject
{
}
