namespace MeetStream.Client;

/// <summary>Which JSON shape a <see cref="Transcript"/> was read from (both are normalised to the same segments).</summary>
public enum TranscriptFormat
{
    /// <summary>The documented top-level array of segments (<c>speaker</c>, <c>transcript</c>, <c>start_time</c>, …).</summary>
    Segments,

    /// <summary>
    /// The shape MeetStream's own labs parser handles: <c>{"message": [{"participant": {"name"}, "words": [{"text",
    /// "start_timestamp": {"relative"}}]}]}</c>.
    /// </summary>
    ParticipantWords,
}
