namespace MeetStream.Client.AspNetCore;

/// <summary>The body of what <c>ForwardKeywordHits</c> and <c>ForwardMeetingAnalytics</c> send to a signed webhook sink.</summary>
public enum ForwardedPayloadFormat
{
    /// <summary>The full JSON document (<c>"type": "keyword.hit"</c> or <c>"meeting.analytics"</c>, snake_case fields; see docs/outbound-webhooks.md).</summary>
    Json,

    /// <summary><c>{"text": "…"}</c>, one readable message: what Slack and Teams incoming webhooks expect.</summary>
    SlackText,
}
