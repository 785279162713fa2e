namespace MeetStream.Client.Webhooks;

/// <summary>
/// A participant left the meeting (<c>participant_events.leave</c>), delivered to a
/// <c>realtime_endpoints</c> webhook that subscribed to it.
/// </summary>
public sealed class ParticipantLeftEvent : ParticipantEvent
{
}
