namespace MeetStream.Client.Webhooks;

/// <summary>
/// A participant joined the meeting (<c>participant_events.join</c>), delivered to a
/// <c>realtime_endpoints</c> webhook that subscribed to it.
/// </summary>
public sealed class ParticipantJoinedEvent : ParticipantEvent
{
}
