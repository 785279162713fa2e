namespace MeetStream.Client.Lambda;

/// <summary>Where a session's post-call transcript stands; it only moves forward (see <see cref="IBotSessionStore"/>).</summary>
public enum TranscriptProgress
{
    /// <summary>The meeting is scheduled, running or just ended; no transcript yet (<c>awaiting</c>).</summary>
    Awaiting,

    /// <summary>The bot was created without a post-call transcript (no <c>transcript_id</c>); nothing is fetched unless MeetStream reports one (<c>not_expected</c>).</summary>
    NotExpected,

    /// <summary>MeetStream reported <c>transcription.processed</c>; the transcript function should fetch it (<c>pending</c>).</summary>
    Pending,

    /// <summary>The transcript is in S3 and its key is on the session (<c>stored</c>).</summary>
    Stored,

    /// <summary>MeetStream reported <c>transcription.failed</c> (<c>failed</c>); a later <c>transcription.processed</c> (a re-run) still counts.</summary>
    Failed,

    /// <summary>The stale-session sweep gave up: stopped without a transcript after every retry (<c>flagged</c>).</summary>
    Flagged,
}
